package dev.pgorm.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code pgorm.*} properties of {@code application.yml}. Each Hibernate setting that is set
 * here is handed to Hibernate as PG-ORM's setting of the same name ({@code pgorm.types.json-lean}
 * becomes {@code pgorm.types.json_lean}); a value given under {@code spring.jpa.properties} wins.
 * Unset properties keep PG-ORM's defaults. The row-level security properties are in {@link
 * PgRlsProperties}.
 *
 * @since 0.1
 */
@ConfigurationProperties("pgorm")
public class PgOrmProperties {

    /** Whether PG-ORM is on at all. */
    private Boolean enabled;

    private final Types types = new Types();
    private final Functions functions = new Functions();
    private final Ddl ddl = new Ddl();
    private final Notify notify = new Notify();
    private final Bulk bulk = new Bulk();

    /** Creates the properties with nothing set. */
    public PgOrmProperties() {}

    /**
     * Returns whether PG-ORM is on ({@code pgorm.enabled}).
     *
     * @return the value, or null when not set
     */
    public Boolean getEnabled() {
        return enabled;
    }

    /**
     * Sets whether PG-ORM is on.
     *
     * @param enabled the value
     */
    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Returns the properties of the types module.
     *
     * @return {@code pgorm.types.*}
     */
    public Types getTypes() {
        return types;
    }

    /**
     * Returns the properties of the functions module.
     *
     * @return {@code pgorm.functions.*}
     */
    public Functions getFunctions() {
        return functions;
    }

    /**
     * Returns the properties of the DDL module.
     *
     * @return {@code pgorm.ddl.*}
     */
    public Ddl getDdl() {
        return ddl;
    }

    /**
     * Returns the properties of the notify module.
     *
     * @return {@code pgorm.notify.*}
     */
    public Notify getNotify() {
        return notify;
    }

    /**
     * Returns the properties of the bulk module.
     *
     * @return {@code pgorm.bulk.*}
     */
    public Bulk getBulk() {
        return bulk;
    }

    /** A module's off switch, shared by every module's properties. */
    public static class Module {
        /** Whether the module's Hibernate integration is on. */
        private Boolean enabled;

        /** Creates the properties with nothing set. */
        public Module() {}

        /**
         * Returns whether the module is on.
         *
         * @return the value, or null when not set
         */
        public Boolean getEnabled() {
            return enabled;
        }

        /**
         * Sets whether the module is on.
         *
         * @param enabled the value
         */
        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code pgorm.types.*}. */
    public static class Types extends Module {
        /** Whether JSON attributes are read and written without Hibernate's extra copies. */
        private Boolean jsonLean;

        /** Whether vectors travel in pgvector's binary format. */
        private Boolean vectorBinary;

        /** Creates the properties with nothing set. */
        public Types() {}

        /**
         * Returns {@code pgorm.types.json-lean}.
         *
         * @return the value, or null when not set
         */
        public Boolean getJsonLean() {
            return jsonLean;
        }

        /**
         * Sets {@code pgorm.types.json-lean}.
         *
         * @param jsonLean the value
         */
        public void setJsonLean(Boolean jsonLean) {
            this.jsonLean = jsonLean;
        }

        /**
         * Returns {@code pgorm.types.vector-binary}.
         *
         * @return the value, or null when not set
         */
        public Boolean getVectorBinary() {
            return vectorBinary;
        }

        /**
         * Sets {@code pgorm.types.vector-binary}.
         *
         * @param vectorBinary the value
         */
        public void setVectorBinary(Boolean vectorBinary) {
            this.vectorBinary = vectorBinary;
        }
    }

    /** {@code pgorm.functions.*}. */
    public static class Functions extends Module {
        /** Creates the properties with nothing set. */
        public Functions() {}
    }

    /** {@code pgorm.ddl.*}. */
    public static class Ddl extends Module {
        /** Whether indexes are created with CREATE INDEX CONCURRENTLY. */
        private Boolean indexConcurrently;

        /** Whether schema export checks that the extensions the entities need are available. */
        private Boolean checkExtensions;

        /** Whether named enum types are created, extended and kept safely by schema update. */
        private Boolean safeEnumTypes;

        /** Creates the properties with nothing set. */
        public Ddl() {}

        /**
         * Returns {@code pgorm.ddl.index-concurrently}.
         *
         * @return the value, or null when not set
         */
        public Boolean getIndexConcurrently() {
            return indexConcurrently;
        }

        /**
         * Sets {@code pgorm.ddl.index-concurrently}.
         *
         * @param indexConcurrently the value
         */
        public void setIndexConcurrently(Boolean indexConcurrently) {
            this.indexConcurrently = indexConcurrently;
        }

        /**
         * Returns {@code pgorm.ddl.check-extensions}.
         *
         * @return the value, or null when not set
         */
        public Boolean getCheckExtensions() {
            return checkExtensions;
        }

        /**
         * Sets {@code pgorm.ddl.check-extensions}.
         *
         * @param checkExtensions the value
         */
        public void setCheckExtensions(Boolean checkExtensions) {
            this.checkExtensions = checkExtensions;
        }

        /**
         * Returns {@code pgorm.ddl.safe-enum-types}.
         *
         * @return the value, or null when not set
         */
        public Boolean getSafeEnumTypes() {
            return safeEnumTypes;
        }

        /**
         * Sets {@code pgorm.ddl.safe-enum-types}.
         *
         * @param safeEnumTypes the value
         */
        public void setSafeEnumTypes(Boolean safeEnumTypes) {
            this.safeEnumTypes = safeEnumTypes;
        }
    }

    /** {@code pgorm.notify.*}. */
    public static class Notify extends Module {
        /** Creates the properties with nothing set. */
        public Notify() {}
    }

    /** {@code pgorm.bulk.*}. */
    public static class Bulk extends Module {
        /** Below this many entities, bulk inserts use batched INSERTs instead of COPY. */
        private Integer copyThreshold;

        /** Creates the properties with nothing set. */
        public Bulk() {}

        /**
         * Returns {@code pgorm.bulk.copy-threshold}.
         *
         * @return the value, or null when not set
         */
        public Integer getCopyThreshold() {
            return copyThreshold;
        }

        /**
         * Sets {@code pgorm.bulk.copy-threshold}.
         *
         * @param copyThreshold the number of entities
         */
        public void setCopyThreshold(Integer copyThreshold) {
            this.copyThreshold = copyThreshold;
        }
    }
}

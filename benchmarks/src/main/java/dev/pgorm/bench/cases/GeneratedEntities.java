package dev.pgorm.bench.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/**
 * Defines numbered entity classes at run time with ByteBuddy (a dependency of Hibernate), for the
 * migration benchmark. Entity {@code i} has an id, {@code name}, {@code qty} and {@code price}, an
 * index on {@code name}, and a many-to-one {@code prev} to entity {@code i - 1}. A version adds a
 * {@code note} column to the first {@code added} entities and indexes {@code (name, qty)} instead
 * of {@code name} on the next {@code changed} ones. Each version has its own class loader, so both
 * use the same class and entity names.
 */
final class GeneratedEntities {

    private GeneratedEntities() {}

    /** Defines one version of the model and returns its classes in order. */
    static List<Class<?>> version(String version, int count, int added, int changed) {
        Loader loader = new Loader();
        List<Class<?>> classes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "BenchMigrate" + i;
            boolean addsColumn = i < added;
            boolean changesIndex = i >= added && i < added + changed;
            AnnotationDescription index =
                    AnnotationDescription.Builder.ofType(Index.class)
                            .define("name", "bench_migrate" + i + "_name_idx")
                            .define("columnList", changesIndex ? "name, qty" : "name")
                            .build();
            AnnotationDescription table =
                    AnnotationDescription.Builder.ofType(Table.class)
                            .define("name", "bench_migrate" + i)
                            .defineAnnotationArray(
                                    "indexes", TypeDescription.ForLoadedType.of(Index.class), index)
                            .build();
            DynamicType.Builder<Object> builder =
                    new ByteBuddy()
                            .subclass(Object.class)
                            .name("dev.pgorm.bench.generated." + version + "." + name)
                            .annotateType(
                                    AnnotationDescription.Builder.ofType(Entity.class)
                                            .define("name", name)
                                            .build(),
                                    table)
                            .defineField("id", Long.class, Visibility.PUBLIC)
                            .annotateField(AnnotationDescription.Builder.ofType(Id.class).build())
                            .defineField("name", String.class, Visibility.PUBLIC)
                            .defineField("qty", int.class, Visibility.PUBLIC)
                            .defineField("price", Double.class, Visibility.PUBLIC);
            if (addsColumn) {
                builder = builder.defineField("note", String.class, Visibility.PUBLIC);
            }
            if (i > 0) {
                builder =
                        builder.defineField("prev", classes.get(i - 1), Visibility.PUBLIC)
                                .annotateField(
                                        AnnotationDescription.Builder.ofType(ManyToOne.class)
                                                .build());
            }
            classes.add(
                    loader.define(
                            "dev.pgorm.bench.generated." + version + "." + name,
                            builder.make().getBytes()));
        }
        return classes;
    }

    /** One version's class loader: defines each class from ByteBuddy's bytes. */
    private static final class Loader extends ClassLoader {
        Loader() {
            super(GeneratedEntities.class.getClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}

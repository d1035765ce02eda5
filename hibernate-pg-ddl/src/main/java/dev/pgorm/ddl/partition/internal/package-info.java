/** How partitioned tables and partitions are checked, rendered and managed at run time. */
package dev.pgorm.ddl.partition.internal;

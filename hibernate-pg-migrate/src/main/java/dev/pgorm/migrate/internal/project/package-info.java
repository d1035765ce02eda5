/**
 * Internals shared by the build tools (Maven plugin, command line): finding a project's entity
 * classes and the default scratch server.
 */
package dev.pgorm.migrate.internal.project;

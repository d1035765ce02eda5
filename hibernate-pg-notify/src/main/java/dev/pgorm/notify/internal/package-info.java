/** The receiving loop, limits, JSON and the entity listener behind the notify API. */
package dev.pgorm.notify.internal;

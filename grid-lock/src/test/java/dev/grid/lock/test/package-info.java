/** Test helpers for grid-lock: access to members' CP services, a movable clock. */
package dev.grid.lock.test;

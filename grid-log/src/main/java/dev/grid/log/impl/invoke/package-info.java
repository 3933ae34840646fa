/** How grid-log's API reaches partition owners and members, from a member or a client: {@link dev.grid.log.impl.invoke.LogInvoker}. */
package dev.grid.log.impl.invoke;

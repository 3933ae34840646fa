/**
 * What the command lines of {@code grid} and {@code grid bench} share on top of picocli: the common
 * settings and the usage-error handler ({@link dev.grid.server.cli.CommandLines}), the version they print,
 * the duration option type ({@link dev.grid.server.cli.DurationConverter}, grid's one duration syntax) and
 * the range checks of option values ({@link dev.grid.server.cli.OptionCheck}). Exit codes: 0 success,
 * 1 failure at run time, 2 bad input (the message names the option and the value).
 */
package dev.grid.server.cli;

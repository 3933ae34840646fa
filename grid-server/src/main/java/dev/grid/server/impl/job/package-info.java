/**
 * {@code grid job}: submits a jar's Jet jobs to a running cluster and lists, cancels, suspends, resumes and restarts
 * its jobs, as a client of the cluster the {@code --config} file describes.
 */
package dev.grid.server.impl.job;

/** Topics as the cluster keeps them: {@link dev.grid.log.impl.topic.TopicMeta} and the calls that create, find and delete them. */
package dev.grid.log.impl.topic;

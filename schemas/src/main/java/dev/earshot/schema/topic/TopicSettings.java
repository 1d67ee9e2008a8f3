package dev.earshot.schema.topic;

import io.smallrye.config.WithDefault;

/**
 * How a service creates the topics it reads and writes at start-up, the same settings for every
 * service ({@code SERVICE.topics.*}): each service's configuration maps it as its {@code topics()}.
 */
public interface TopicSettings {

  /** Create the missing topics this service reads and writes; existing ones stay as they are. */
  @WithDefault("true")
  boolean create();

  /** Partitions of a created topic: every topic has the same count, so joins need no shuffle. */
  @WithDefault("12")
  int partitions();

  /** Copies of each partition; 3 on a production cluster. */
  @WithDefault("1")
  short replicationFactor();

  /**
   * {@code min.insync.replicas} of a created topic: with {@code acks=all}, how many copies must
   * have a write before it counts (2 with 3 copies, so one broker may be down). Unset: the
   * broker's.
   */
  java.util.OptionalInt minInsyncReplicas();
}

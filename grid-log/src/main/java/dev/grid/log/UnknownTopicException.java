package dev.grid.log;

/** The topic does not exist (and {@code grid.log.autoCreateTopics} is off). */
public class UnknownTopicException extends LogException {
    private static final long serialVersionUID = 1L;

    public UnknownTopicException(String message) {
        super(message);
    }

    public static UnknownTopicException of(String topic) {
        return new UnknownTopicException("topic " + topic + " does not exist (create it with GridLog.createTopic or"
                + " `grid topic create`, or set grid.log.autoCreateTopics)");
    }
}

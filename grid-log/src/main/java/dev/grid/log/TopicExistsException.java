package dev.grid.log;

/** A topic of that name exists already. */
public class TopicExistsException extends LogException {
    private static final long serialVersionUID = 1L;

    public TopicExistsException(String message) {
        super(message);
    }
}

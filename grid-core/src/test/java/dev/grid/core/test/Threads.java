package dev.grid.core.test;

/** What tests ask of another thread: whether it has reached a wait, so they can move a clock or a member without sleeping. */
public final class Threads {
    private Threads() {
    }

    /**
     * @param thread      the thread (null: not started yet)
     * @param method      a method name
     * @param classPrefix the start of the declaring class's name ({@code ""}: any class)
     * @return whether the thread is parked or sleeping inside a call of that method
     */
    public static boolean isWaitingIn(Thread thread, String method, String classPrefix) {
        if (thread == null || (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING)) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getMethodName().equals(method) && frame.getClassName().startsWith(classPrefix)) {
                return true;
            }
        }
        return false;
    }
}

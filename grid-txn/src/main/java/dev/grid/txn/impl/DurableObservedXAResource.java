package dev.grid.txn.impl;

import javax.transaction.xa.XAResource;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;

/**
 * An {@link ObservedXAResource} around a {@link Serializable} resource: Narayana writes it into the transaction
 * log, and recovery in a later JVM completes the branch through the revived resource (unobserved).
 */
final class DurableObservedXAResource extends ObservedXAResource implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    DurableObservedXAResource(String name, XAResource delegate, BranchObserver observer) {
        super(name, delegate, observer, 0, null);
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.writeUTF(name());
        out.writeObject(delegate());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        restore(in.readUTF(), (XAResource) in.readObject());
    }
}

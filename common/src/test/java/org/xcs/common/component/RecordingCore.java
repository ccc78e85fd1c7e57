package org.xcs.common.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.xmpp.packet.Packet;

/** A {@link ComponentCore} that records what the runtime hands it. */
public final class RecordingCore implements ComponentCore {

    private final List<Packet> handled = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger drains = new AtomicInteger();
    private volatile Runnable onDrain = () -> { };
    private volatile Runnable onHandle = () -> { };

    @Override
    public void handle(Packet packet) {
        handled.add(packet);
        onHandle.run();
    }

    @Override
    public void onConnected(PacketSender sender) {
        connections.incrementAndGet();
    }

    @Override
    public void drain(Duration timeout) {
        drains.incrementAndGet();
        onDrain.run();
    }

    public RecordingCore onDrain(Runnable action) {
        this.onDrain = action;
        return this;
    }

    public RecordingCore onHandle(Runnable action) {
        this.onHandle = action;
        return this;
    }

    public List<Packet> handled() {
        return List.copyOf(handled);
    }

    public int connections() {
        return connections.get();
    }

    public int drains() {
        return drains.get();
    }

    public boolean awaitConnections(int count, Duration timeout) throws InterruptedException {
        return await(() -> connections.get() >= count, timeout);
    }

    public boolean awaitHandled(int count, Duration timeout) throws InterruptedException {
        return await(() -> handled.size() >= count, timeout);
    }

    public static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}

package org.xcs.bench.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A stand-in XMPP server on 127.0.0.1 (port 0) for the driver self-test: it answers the login script (stream, SASL
 * success for any mechanism, bind) by matching text, then copies every {@code <message>...</message>} it receives to
 * all connections of the sender's group (groups of {@code groupSize} in accept order, the sender included, as a MUC
 * room reflects to the sender). One thread; no XML parser; writes batched per pass.
 */
public final class FanoutServer implements AutoCloseable {
    private static final byte[] MESSAGE_OPEN = "<message".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE_CLOSE = "</message>".getBytes(StandardCharsets.US_ASCII);

    private final int groupSize;
    private final Selector selector;
    private final ServerSocketChannel server;
    private final Thread thread;
    private final List<Conn> conns = new ArrayList<>();
    private final List<Conn> dirty = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(256 * 1024);
    private volatile boolean running = true;

    private final class Conn {
        final SocketChannel channel;
        final int index;
        SelectionKey key;
        boolean online;
        int streams;
        StringBuilder text = new StringBuilder();
        byte[] in = new byte[0];
        int inLength;
        ByteBuffer out = ByteBuffer.allocate(64 * 1024);
        boolean isDirty;

        Conn(SocketChannel channel, int index) {
            this.channel = channel;
            this.index = index;
        }
    }

    public FanoutServer(int groupSize) throws IOException {
        this.groupSize = groupSize;
        selector = Selector.open();
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::loop, "fanout-server");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    public long threadId() {
        return thread.getId();
    }

    private void loop() {
        try {
            while (running) {
                selector.select(100);
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                        continue;
                    }
                    Conn c = (Conn) key.attachment();
                    try {
                        if (key.isWritable()) {
                            flush(c);
                        }
                        if (key.isValid() && key.isReadable()) {
                            read(c);
                        }
                    } catch (IOException e) {
                        key.cancel();
                        c.channel.close();
                    }
                }
                for (Conn c : dirty) {
                    c.isDirty = false;
                    try {
                        flush(c);
                    } catch (IOException e) {
                        c.key.cancel();
                        c.channel.close();
                    }
                }
                dirty.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Conn c = new Conn(ch, conns.size());
            conns.add(c);
            c.key = ch.register(selector, SelectionKey.OP_READ, c);
        }
    }

    private void read(Conn c) throws IOException {
        readBuffer.clear();
        int n = c.channel.read(readBuffer);
        if (n < 0) {
            c.key.cancel();
            c.channel.close();
            return;
        }
        byte[] a = readBuffer.array();
        if (!c.online) {
            c.text.append(new String(a, 0, n, StandardCharsets.ISO_8859_1));
            login(c);
            return;
        }
        if (c.inLength + n > c.in.length) {
            byte[] grown = new byte[Math.max(c.in.length * 2, c.inLength + n)];
            System.arraycopy(c.in, 0, grown, 0, c.inLength);
            c.in = grown;
        }
        System.arraycopy(a, 0, c.in, c.inLength, n);
        c.inLength += n;
        fanOut(c);
    }

    private void login(Conn c) {
        while (true) {
            String t = c.text.toString();
            int header = t.indexOf("<stream:stream");
            int auth = t.indexOf("</auth>");
            int iq = t.indexOf("</iq>");
            if (header >= 0 && t.indexOf('>', header) > 0) {
                c.text.delete(0, t.indexOf('>', header) + 1);
                c.streams++;
                String features = c.streams == 1
                        ? "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>ANONYMOUS</mechanism>"
                        + "<mechanism>PLAIN</mechanism></mechanisms>"
                        : "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>";
                queue(c, "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream="
                        + "'http://etherx.jabber.org/streams' from='self.test' id='s" + c.index + "' version='1.0'>"
                        + "<stream:features>" + features + "</stream:features>");
            } else if (auth >= 0) {
                c.text.delete(0, auth + 7);
                queue(c, "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
            } else if (iq >= 0) {
                c.text.setLength(0);
                c.online = true;
                queue(c, "<iq type='result' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>u"
                        + c.index + "@self.test/d</jid></bind></iq>");
                return;
            } else {
                return;
            }
        }
    }

    private void fanOut(Conn from) {
        byte[] a = from.in;
        int n = from.inLength;
        int pos = 0;
        while (true) {
            int start = indexOf(a, pos, n, MESSAGE_OPEN);
            if (start < 0) {
                pos = Math.max(pos, n - MESSAGE_OPEN.length);
                break;
            }
            int end = indexOf(a, start, n, MESSAGE_CLOSE);
            if (end < 0) {
                pos = start;
                break;
            }
            end += MESSAGE_CLOSE.length;
            int group = from.index / groupSize;
            int last = Math.min(conns.size(), (group + 1) * groupSize);
            for (int i = group * groupSize; i < last; i++) {
                Conn to = conns.get(i);
                if (to.online) {
                    queue(to, a, start, end - start);
                }
            }
            pos = end;
        }
        System.arraycopy(a, pos, a, 0, n - pos);
        from.inLength = n - pos;
    }

    private static int indexOf(byte[] a, int from, int n, byte[] p) {
        outer:
        for (int i = from; i + p.length <= n; i++) {
            if (a[i] != p[0]) {
                continue;
            }
            for (int k = 1; k < p.length; k++) {
                if (a[i + k] != p[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void queue(Conn c, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        queue(c, b, 0, b.length);
    }

    private void queue(Conn c, byte[] b, int off, int len) {
        if (c.out.remaining() < len) {
            ByteBuffer grown = ByteBuffer.allocate(Math.max(c.out.capacity() * 2, c.out.position() + len));
            c.out.flip();
            grown.put(c.out);
            c.out = grown;
        }
        c.out.put(b, off, len);
        if (!c.isDirty) {
            c.isDirty = true;
            dirty.add(c);
        }
    }

    private void flush(Conn c) throws IOException {
        if (!c.channel.isOpen()) {
            return;
        }
        c.out.flip();
        c.channel.write(c.out);
        c.out.compact();
        c.key.interestOps(c.out.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Conn c : conns) {
            c.channel.close();
        }
        server.close();
        selector.close();
    }
}

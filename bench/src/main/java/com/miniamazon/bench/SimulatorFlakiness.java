package com.miniamazon.bench;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The flakiness knobs of the running simulators, reached through JMX in their own JVMs (the JDK's attach API starts
 * the local management agent; same user, same machine). Closing it puts every knob back where it was, so that a
 * bench run leaves the stack as it found it.
 */
final class SimulatorFlakiness implements AutoCloseable {

    private static final String KNOBS = "com.miniamazon.simulators:type=Flakiness,*";
    private static final String PERCENT = "Percent";

    private final List<JMXConnector> connectors = new ArrayList<>();
    private final Map<ObjectName, MBeanServerConnection> knobs = new LinkedHashMap<>();
    private final Map<ObjectName, Integer> original = new LinkedHashMap<>();

    private SimulatorFlakiness() {}

    /** Attaches to the given simulator processes (the dev stack runs both in one) and finds their knobs. */
    static SimulatorFlakiness attach(List<Long> pids) throws IOException {
        SimulatorFlakiness found = new SimulatorFlakiness();
        Set<Long> distinct = new LinkedHashSet<>(pids);
        try {
            for (long pid : distinct) {
                if (pid < 0) {
                    throw new IOException("a simulator's process was not found on its port");
                }
                VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
                String address;
                try {
                    address = vm.startLocalManagementAgent();
                } finally {
                    vm.detach();
                }
                JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
                found.connectors.add(connector);
                MBeanServerConnection connection = connector.getMBeanServerConnection();
                for (ObjectName name : connection.queryNames(new ObjectName(KNOBS), null)) {
                    found.knobs.put(name, connection);
                    found.original.put(name, (Integer) connection.getAttribute(name, PERCENT));
                }
            }
        } catch (IOException | JMException | AttachNotSupportedException | RuntimeException e) {
            found.close();
            throw new IOException("cannot reach the simulators' flakiness through JMX: " + e, e);
        }
        if (found.knobs.isEmpty()) {
            found.close();
            throw new IOException("the simulators' processes offer no flakiness knob (" + KNOBS + ")");
        }
        return found;
    }

    /** Sets every knob; returns what they were when attached, by simulator. */
    Map<String, Integer> setAll(int percent) throws IOException {
        Map<String, Integer> before = new LinkedHashMap<>();
        for (Map.Entry<ObjectName, MBeanServerConnection> knob : knobs.entrySet()) {
            try {
                set(knob, percent);
            } catch (JMException e) {
                throw new IOException("setting " + knob.getKey() + " to " + percent + " %: " + e, e);
            }
            before.put(knob.getKey().getKeyProperty("simulator"), original.get(knob.getKey()));
        }
        return before;
    }

    /** Puts each knob back to its value when attached, then disconnects. */
    @Override
    public void close() {
        for (Map.Entry<ObjectName, MBeanServerConnection> knob : knobs.entrySet()) {
            try {
                set(knob, original.get(knob.getKey()));
            } catch (IOException | JMException e) {
                System.out.printf("could not put %s back to %d %%: %s%n", knob.getKey(), original.get(knob.getKey()), e);
            }
        }
        for (JMXConnector connector : connectors) {
            try {
                connector.close();
            } catch (IOException e) {
                // the simulators' JVM went away; nothing left to undo there
            }
        }
    }

    private static void set(Map.Entry<ObjectName, MBeanServerConnection> knob, int percent) throws IOException, JMException {
        knob.getValue().setAttribute(knob.getKey(), new Attribute(PERCENT, percent));
    }
}

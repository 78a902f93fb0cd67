package org.preventhub.stack;

/**
 * How many of each part the stack runs. {@link #SINGLE} is {@code ./hub start}: one broker, one instance of each
 * service. {@link #SCALE_OUT} is {@code ./hub start --scale-out}: a three-node Kafka cluster and two instances of
 * every service (the gateway included), the second on its service's ports plus {@value #PORT_STEP} (training-service
 * 8081 and 8181, management 9081 and 9181, gateway 8080 and 8180); all instances of a service share its database.
 */
public record Topology(int instances, boolean kafkaCluster) {

    public static final int PORT_STEP = 100;
    public static final Topology SINGLE = new Topology(1, false);
    public static final Topology SCALE_OUT = new Topology(2, true);

    /** Instance i (0-based) of a service. */
    ServiceDefinition instance(ServiceDefinition service, int i) {
        return i == 0 ? service : service.withPorts(service.port() + PORT_STEP * i, service.managementPort() + PORT_STEP * i);
    }
}

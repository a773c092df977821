package dev.ilbportal.requests.internal;

import dev.ilbportal.civo.model.Instance;
import dev.ilbportal.civo.model.Network;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An instance that a tag or name pool would send traffic to, with its network, so the requester sees at once when a
 * match sits outside the load balancer's network (where the load balancer cannot reach it).
 *
 * @param name      the instance's hostname
 * @param privateIp its address in its private network
 * @param network   the label of its network (or the id when the network is unknown)
 * @param inNetwork whether it is in the load balancer's network
 */
public record InstanceMatch(String name, String privateIp, String network, boolean inNetwork) {

    static List<InstanceMatch> of(List<Instance> instances, List<Network> networks, String chosenNetworkId) {
        Map<String, Network> byId = networks.stream()
                .collect(Collectors.toMap(Network::id, Function.identity(), (a, b) -> a));
        return instances.stream()
                .map(instance -> new InstanceMatch(instance.hostname() == null ? instance.name() : instance.hostname(),
                        instance.privateIp(), label(byId.get(instance.networkId()), instance.networkId()),
                        instance.networkId() != null && instance.networkId().equals(chosenNetworkId)))
                .toList();
    }

    public static String label(Network network, String fallback) {
        if (network == null) {
            return fallback;
        }
        return network.label() == null || network.label().isBlank() ? network.name() : network.label();
    }
}

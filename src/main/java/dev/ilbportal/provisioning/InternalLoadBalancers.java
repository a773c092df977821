package dev.ilbportal.provisioning;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The inventory of internal load balancers. */
public interface InternalLoadBalancers extends JpaRepository<InternalLoadBalancer, UUID> {

    Optional<InternalLoadBalancer> findByRequestId(UUID requestId);
}

package dev.ilbportal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

    private final JavaClasses portal = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PortalApplication.class.getPackageName());

    @Test
    void modulesOnlyUseWhatTheyAreAllowedTo() {
        modules.verify();
    }

    /**
     * Each module's root package (and any sub-package it exposes) is its API: services, events, ids and read-only
     * views. A JPA entity or a Spring Data repository there would let other modules write its data.
     */
    @Test
    void noModuleOffersAnEntityOrARepositoryInItsApi() {
        List<String> offered = modules.stream().flatMap(this::apiOf)
                .filter(type -> type.isAnnotatedWith(jakarta.persistence.Entity.class)
                        || type.isAnnotatedWith(jakarta.persistence.Embeddable.class)
                        || type.isAnnotatedWith(jakarta.persistence.MappedSuperclass.class)
                        || type.isAssignableTo(org.springframework.data.repository.Repository.class))
                .map(JavaClass::getName).distinct().sorted().toList();

        assertThat(offered).as("entities and repositories in a module's API").isEmpty();
    }

    @Test
    void provisioningOffersItsInventoryAsARecord() {
        JavaClass view = portal.get(dev.ilbportal.provisioning.InternalLoadBalancer.class);

        assertThat(view.isRecord()).as("InternalLoadBalancer is a record").isTrue();
        assertThat(view.isAnnotatedWith(jakarta.persistence.Entity.class)).isFalse();
    }

    /** The types in the module's root package, whatever their visibility, and those of the packages it exposes. */
    private Stream<JavaClass> apiOf(ApplicationModule module) {
        String root = module.getBasePackage().getName();
        Stream<JavaClass> inRoot = portal.stream().filter(type -> type.getPackageName().equals(root));
        Stream<JavaClass> exposed = module.getNamedInterfaces().stream().flatMap(NamedInterface::asJavaClasses);
        return Stream.concat(inRoot, exposed);
    }
}

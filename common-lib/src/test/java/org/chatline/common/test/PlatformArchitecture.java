package org.chatline.common.test;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DynamicTest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rules every service keeps, written once: a service's {@code ArchitectureTests}
 * is {@code PlatformArchitecture.of("org.chatline.call").rules()} in a {@code @TestFactory}, one
 * test per rule. A class may be exempted from a rule only by name and with a reason, which becomes
 * part of the rule's description, so every report says why.
 */
public final class PlatformArchitecture {

	public enum Rule {

		/** Data access belongs to a service, which owns the transaction; a controller only asks it. */
		CONTROLLERS_DO_NOT_REACH_REPOSITORIES,

		/** A state change and its event commit together (common-lib's outbox), so nothing else publishes. */
		ONLY_THE_OUTBOX_PUBLISHES,

		/** A service sees another only through its {@code -api} contract module and common-lib. */
		NO_OTHER_SERVICE_CLASSES,

		/** Decoding, skipping malformed records and de-duplicating on eventId are written once (EventConsumer). */
		LISTENERS_GO_THROUGH_THE_TYPED_BASE
	}

	private final String servicePackage;

	private final JavaClasses classes;

	private final Map<Rule, Exemption> exemptions = new EnumMap<>(Rule.class);

	private PlatformArchitecture(String servicePackage) {
		this.servicePackage = servicePackage;
		this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(servicePackage);
	}

	/** The main classes of the service whose root package is {@code servicePackage}. */
	public static PlatformArchitecture of(String servicePackage) {
		return new PlatformArchitecture(servicePackage);
	}

	/** Exempts the named classes (fully qualified) from one rule, for the reason given. */
	public PlatformArchitecture except(Rule rule, String reason, String... classNames) {
		exemptions.put(rule, new Exemption(reason, Set.of(classNames)));
		return this;
	}

	/** One dynamic test per rule. */
	public Stream<DynamicTest> rules() {
		return Stream.of(Rule.values()).map(rule -> DynamicTest.dynamicTest(rule.name(), () -> rule(rule).check(classes)));
	}

	ArchRule rule(Rule rule) {
		Exemption exemption = exemptions.getOrDefault(rule, Exemption.NONE);
		return switch (rule) {
			case CONTROLLERS_DO_NOT_REACH_REPOSITORIES -> noClasses()
				.that(controllers().and(not(exemption.classes())))
				.should()
				.dependOnClassesThat(dataAccess())
				.because("a controller asks a service, which owns the query and its transaction")
				.allowEmptyShould(true);
			case ONLY_THE_OUTBOX_PUBLISHES -> noClasses()
				.that(not(resideInAPackage("org.chatline.common.outbox..")).and(not(exemption.classes())))
				.should()
				.dependOnClassesThat(kafkaProducers())
				.because("a state change and its event commit together: events leave through the outbox");
			case NO_OTHER_SERVICE_CLASSES -> noClasses().that(not(exemption.classes()))
				.should()
				.dependOnClassesThat(resideInAPackage("org.chatline..")
					.and(not(resideInAnyPackage(servicePackage + "..", "org.chatline.common..", "org.chatline.*.api.."))))
				.because("a service depends on another's -api contract module only, never on its classes");
			case LISTENERS_GO_THROUGH_THE_TYPED_BASE -> methods().that()
				.areAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")
				.and()
				.areDeclaredInClassesThat(not(exemption.classes()))
				.should()
				.beDeclaredInClassesThat()
				.areAssignableTo("org.chatline.common.events.EventConsumer")
				.because("the typed base decodes, skips malformed records and de-duplicates on eventId for every listener")
				.allowEmptyShould(true);
		};
	}

	private static DescribedPredicate<JavaClass> controllers() {
		return DescribedPredicate.describe("controllers",
				c -> c.isAnnotatedWith(RestController.class) || c.isAnnotatedWith(Controller.class));
	}

	/** A repository (by name, annotation or Spring Data type), or JDBC and JPA used directly. */
	private static DescribedPredicate<JavaClass> dataAccess() {
		return simpleNameEndingWith("Repository")
			.or(DescribedPredicate.describe("@Repository", c -> c.isAnnotatedWith(org.springframework.stereotype.Repository.class)))
			.or(assignableTo("org.springframework.data.repository.Repository"))
			.or(resideInAnyPackage("org.springframework.jdbc..", "jakarta.persistence..", "java.sql..", "javax.sql.."))
			.as("data access (a repository, JDBC or JPA)");
	}

	private static DescribedPredicate<JavaClass> kafkaProducers() {
		return resideInAPackage("org.apache.kafka.clients.producer..")
			.or(assignableTo("org.springframework.kafka.core.KafkaOperations"))
			.or(assignableTo("org.springframework.kafka.core.ProducerFactory"))
			.as("a Kafka producer");
	}

	private record Exemption(String reason, Set<String> names) {

		static final Exemption NONE = new Exemption(null, Set.of());

		DescribedPredicate<JavaClass> classes() {
			String description = names.isEmpty() ? "exempt" : "exempt " + names + " (" + reason + ")";
			return DescribedPredicate.describe(description, c -> names.contains(c.getName()));
		}
	}
}

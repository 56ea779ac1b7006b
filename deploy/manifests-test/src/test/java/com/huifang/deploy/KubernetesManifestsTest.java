package com.huifang.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huifang.deploy.Kustomize.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s as kustomize renders it, base and production overlay alike: every workload is
 * production-shaped (limits, probes, non-root, read-only root, no privilege), every Deployment has
 * its Service, HPA, PDB and ServiceMonitor selecting its pods, every service gets every environment
 * variable its code reads, every topic of the contracts is created with its dead-letter topic.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {

    static final Path BASE = Yaml.K8S.resolve("base");
    static final Path PRODUCTION = Yaml.K8S.resolve("overlays/production");

    static List<Resource> render(String overlay) {
        return Kustomize.build(Yaml.K8S.resolve(overlay));
    }

    @Test
    void everyManifestFileParsesAndEveryDocumentHasApiVersionKindAndName() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Yaml.K8S)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            for (Map<String, Object> doc : Yaml.documents(f)) {
                assertThat(Yaml.string(doc, "apiVersion")).as(f + " apiVersion").isNotBlank();
                assertThat(Yaml.string(doc, "kind")).as(f + " kind").isNotBlank();
                if (!"Kustomization".equals(doc.get("kind"))) {
                    assertThat(Yaml.string(doc, "metadata.name")).as(f + " metadata.name").isNotBlank();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void kustomizationListsOnlyExistingFiles(String dir) {
        Path root = Yaml.K8S.resolve(dir);
        Map<String, Object> k = Kustomize.kustomization(root);
        List<String> entries = new ArrayList<>(Kustomize.list(k, "resources"));
        entries.addAll(Kustomize.list(k, "patches"));
        assertThat(entries).isNotEmpty();
        for (String entry : entries) {
            Path p = root.resolve(entry).normalize();
            assertThat(Files.isRegularFile(p) || Files.isRegularFile(p.resolve("kustomization.yaml")))
                    .as(dir + " lists " + entry).isTrue();
        }
    }

    @Test
    void everyBaseFileIsListedInTheBaseKustomization() throws IOException {
        List<String> listed = Kustomize.list(Kustomize.kustomization(BASE), "resources");
        try (Stream<Path> walk = Files.walk(BASE)) {
            walk.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("kustomization.yaml"))
                    .forEach(p -> assertThat(listed).as("forgotten in base/kustomization.yaml")
                            .contains(BASE.relativize(p).toString().replace('\\', '/')));
        }
    }

    @Test
    void aPatchTargetingNoResourceIsRejected() throws IOException {
        Path overlay = Files.createTempDirectory("overlay");
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources:\n  - " + BASE + "\npatches:\n  - path: p.yaml\n");
        Files.writeString(overlay.resolve("p.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: no-such-service\n");
        assertThatThrownBy(() -> Kustomize.build(overlay)).hasMessageContaining("no-such-service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void everyContainerHasImageLimitsAndALockedDownSecurityContext(String overlay) {
        List<Resource> rendered = render(overlay);
        List<Resource> workloads = rendered.stream().filter(r -> Set.of("Deployment", "Job").contains(r.kind())).toList();
        assertThat(workloads).hasSize(ServiceCode.SERVICES.size() + 1);
        for (Resource w : workloads) {
            Object pod = Yaml.at(w.doc(), "spec.template.spec");
            assertThat(Yaml.at(pod, "securityContext.runAsNonRoot")).as(w.id() + " pod runAsNonRoot").isEqualTo(true);
            List<Map<String, Object>> containers = Yaml.maps(pod, "containers");
            assertThat(containers).as(w.id() + " containers").isNotEmpty();
            Set<String> volumes = new HashSet<>();
            Yaml.maps(pod, "volumes").forEach(v -> volumes.add((String) v.get("name")));
            for (Map<String, Object> c : containers) {
                String id = w.id() + " container " + c.get("name");
                assertThat(Yaml.string(c, "image")).as(id + " image").isNotBlank();
                for (String r : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
                    assertThat(Yaml.at(c, "resources." + r)).as(id + " resources." + r).isNotNull();
                }
                assertThat(Yaml.at(c, "securityContext.runAsNonRoot")).as(id + " runAsNonRoot").isEqualTo(true);
                assertThat(Yaml.at(c, "securityContext.readOnlyRootFilesystem")).as(id + " readOnlyRootFilesystem").isEqualTo(true);
                assertThat(Yaml.at(c, "securityContext.allowPrivilegeEscalation")).as(id + " allowPrivilegeEscalation").isEqualTo(false);
                assertThat((List<Object>) Yaml.at(c, "securityContext.capabilities.drop")).as(id + " capabilities.drop").contains("ALL");
                // a read-only root needs a writable /tmp for the JVM and Netty
                assertThat(Yaml.maps(c, "volumeMounts")).as(id + " /tmp mount")
                        .anyMatch(m -> "/tmp".equals(m.get("mountPath")) && volumes.contains(m.get("name")));
                if ("Deployment".equals(w.kind())) {
                    assertThat(Yaml.string(c, "readinessProbe.httpGet.path")).as(id + " readinessProbe")
                            .isEqualTo("/actuator/health/readiness");
                    assertThat(Yaml.string(c, "livenessProbe.httpGet.path")).as(id + " livenessProbe")
                            .isEqualTo("/actuator/health/liveness");
                    Set<Object> ports = new HashSet<>();
                    Yaml.maps(c, "ports").forEach(p -> ports.add(p.get("name")));
                    assertThat(ports).as(id + " probe port").contains(Yaml.at(c, "readinessProbe.httpGet.port"),
                            Yaml.at(c, "livenessProbe.httpGet.port"));
                }
            }
            if ("Deployment".equals(w.kind())) {
                assertThat((Integer) Yaml.at(pod, "terminationGracePeriodSeconds")).as(w.id() + " graceful termination")
                        .isEqualTo(30);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void everyDeploymentHasAServiceHpaPdbAndServiceMonitorMatchingItsPods(String overlay) {
        List<Resource> rendered = render(overlay);
        List<Resource> deployments = rendered.stream().filter(r -> r.kind().equals("Deployment")).toList();
        assertThat(deployments).extracting(Resource::name).containsExactlyInAnyOrderElementsOf(ServiceCode.SERVICES);
        for (Resource d : deployments) {
            Map<String, Object> podLabels = Yaml.map(d.doc(), "spec.template.metadata.labels");
            Map<String, Object> deploymentSelector = Yaml.map(d.doc(), "spec.selector.matchLabels");
            assertThat(deploymentSelector).as(d.id() + " selector").isNotEmpty();
            assertThat(podLabels).as(d.id() + " pod labels").containsAllEntriesOf(deploymentSelector);

            Resource service = one(rendered, "Service", d.name());
            assertThat(podLabels).as(service.id() + " selector").containsAllEntriesOf(Yaml.map(service.doc(), "spec.selector"));
            Object containerPortName = Yaml.at(Yaml.maps(d.doc(), "spec.template.spec.containers").get(0), "ports");
            assertThat(String.valueOf(containerPortName)).contains(String.valueOf(Yaml.maps(service.doc(), "spec.ports").get(0).get("targetPort")));

            Resource hpa = one(rendered, "HorizontalPodAutoscaler", d.name());
            assertThat(Yaml.string(hpa.doc(), "apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(Yaml.string(hpa.doc(), "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
            assertThat(Yaml.string(hpa.doc(), "spec.scaleTargetRef.name")).isEqualTo(d.name());
            int min = (Integer) Yaml.at(hpa.doc(), "spec.minReplicas");
            int max = (Integer) Yaml.at(hpa.doc(), "spec.maxReplicas");
            assertThat(min).as(hpa.id() + " at least two pods, so a PDB can let one go").isGreaterThanOrEqualTo(2);
            assertThat(max).as(hpa.id() + " no more consumers than the 12 partitions").isBetween(min, 12);

            Resource pdb = one(rendered, "PodDisruptionBudget", d.name());
            assertThat(podLabels).as(pdb.id() + " selector").containsAllEntriesOf(Yaml.map(pdb.doc(), "spec.selector.matchLabels"));
            assertThat(Yaml.at(pdb.doc(), "spec.minAvailable")).as(pdb.id() + " minAvailable").isNotNull();

            Resource monitor = one(rendered, "ServiceMonitor", d.name());
            assertThat(Yaml.string(monitor.doc(), "apiVersion")).isEqualTo("monitoring.coreos.com/v1");
            assertThat(Yaml.map(service.doc(), "metadata.labels"))
                    .containsAllEntriesOf(Yaml.map(monitor.doc(), "spec.selector.matchLabels"));
            assertThat(Yaml.maps(monitor.doc(), "spec.endpoints")).anyMatch(e ->
                    "/actuator/prometheus".equals(e.get("path")) && "http".equals(e.get("port")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void everyServiceGetsEveryEnvironmentVariableItsCodeReadsFromAnExistingSource(String overlay) {
        List<Resource> rendered = render(overlay);
        for (String service : ServiceCode.SERVICES) {
            Map<String, Object> container = Yaml.maps(one(rendered, "Deployment", service).doc(),
                    "spec.template.spec.containers").get(0);
            Set<String> provided = new HashSet<>();
            for (Map<String, Object> env : Yaml.maps(container, "env")) {
                provided.add((String) env.get("name"));
                for (String ref : List.of("secretKeyRef", "configMapKeyRef")) {
                    Map<String, Object> source = Yaml.map(env, "valueFrom." + ref);
                    if (source != null && !Boolean.TRUE.equals(source.get("optional"))) {
                        Resource holder = one(rendered, ref.startsWith("secret") ? "Secret" : "ConfigMap",
                                (String) source.get("name"));
                        Map<String, Object> data = Yaml.map(holder.doc(), ref.startsWith("secret") ? "stringData" : "data");
                        assertThat(data).as(service + " " + env.get("name") + " from " + holder.id())
                                .containsKey((String) source.get("key"));
                    }
                }
            }
            assertThat(provided).as(service + " environment").containsAll(ServiceCode.required(service));
            assertThat(provided).as(service + ": variables no code reads")
                    .allMatch(name -> ServiceCode.boundByCode(service, name));
            assertThat(provided).as(service + " token verification").containsAnyElementsOf(ServiceCode.TOKEN_KEYS);
        }
    }

    @Test
    void gatewayIngressRoutesToTheGatewayServicePort() {
        List<Resource> rendered = render("overlays/production");
        Resource ingress = one(rendered, "Ingress", "gateway");
        Map<String, Object> backend = Yaml.map(Yaml.maps(Yaml.maps(ingress.doc(), "spec.rules").get(0), "http.paths").get(0),
                "backend.service");
        assertThat(backend.get("name")).isEqualTo("gateway");
        assertThat(Yaml.maps(one(rendered, "Service", "gateway").doc(), "spec.ports"))
                .anyMatch(p -> Objects.equals(p.get("name"), Yaml.at(backend, "port.name")));
    }

    @Test
    void secretsInGitArePlaceholdersOnly() {
        for (Resource s : render("base").stream().filter(r -> r.kind().equals("Secret")).toList()) {
            assertThat(Yaml.map(s.doc(), "metadata.annotations")).as(s.id()).containsEntry("huifang.io/placeholder", "true");
            Yaml.map(s.doc(), "stringData").forEach((k, v) -> assertThat(String.valueOf(v)).as(s.id() + " " + k)
                    .matches(value -> value.isEmpty() || value.contains("CHANGE-ME") || value.matches("k\\d+"),
                            "a placeholder"));
        }
    }

    @Test
    void mongoUriWritesToTheMajorityAndReadsFromThePrimary() {
        String uri = (String) Yaml.map(one(render("overlays/production"), "Secret", "huifang-mongodb").doc(), "stringData")
                .get("MONGODB_URI");
        assertThat(uri).contains("replicaSet=rs0", "w=majority", "readPreference=primary");
    }

    @Test
    void topicJobCreatesEveryContractTopicAndItsDeadLetterTopicReplicated() {
        Resource job = one(render("overlays/production"), "Job", "huifang-kafka-topics");
        Map<String, Object> container = Yaml.maps(job.doc(), "spec.template.spec.containers").get(0);
        String script = String.join("\n", ((List<?>) container.get("args")).stream().map(String::valueOf).toList());
        Set<String> topics = ServiceCode.topics();
        assertThat(topics).contains("huifang.customers", "huifang.visits", "huifang.audit");
        for (String topic : topics) {
            for (String t : List.of(topic, topic + ".DLT")) {
                assertThat(script.lines().filter(l -> l.contains("--topic " + t + " ")))
                        .as("creation of " + t).singleElement().asString()
                        .contains("--partitions 12", "--replication-factor 3", "--config min.insync.replicas=2");
            }
        }
    }

    @Test
    void productionOverlayChangesWhatItMeansTo() {
        List<Resource> rendered = render("overlays/production");
        assertThat(rendered).allSatisfy(r -> assertThat(Yaml.string(r.doc(), "metadata.namespace")).isEqualTo("huifang"));
        Resource schedule = one(rendered, "Deployment", "schedule-service");
        assertThat(Yaml.at(schedule.doc(), "spec.replicas")).isEqualTo(3);
        Map<String, Object> c = Yaml.maps(schedule.doc(), "spec.template.spec.containers").get(0);
        assertThat(Yaml.string(c, "image")).isEqualTo("registry.example.com/huifang/schedule-service:0.1.0");
        assertThat(Yaml.string(c, "resources.limits.memory")).isEqualTo("1Gi");
        // the patch merged into the container: probes and security context survive it
        assertThat(Yaml.string(c, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        assertThat(Yaml.at(one(rendered, "HorizontalPodAutoscaler", "schedule-service").doc(), "spec.minReplicas")).isEqualTo(3);
    }

    static Resource one(List<Resource> rendered, String kind, String name) {
        List<Resource> found = rendered.stream().filter(r -> kind.equals(r.kind()) && name.equals(r.name())).toList();
        assertThat(found).as(kind + "/" + name).hasSize(1);
        return found.get(0);
    }
}

package com.huifang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.load.HttpClients;
import com.huifang.load.LoadReport;
import com.huifang.load.LoadRun;
import com.huifang.load.StepResult;
import com.huifang.load.VisitCounter;
import com.huifang.testsupport.TestInfrastructure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The load harness in its bounded form (issue 9): partner pushes through the gateway at two small
 * rates, gateway vs nginx on the same upstreams (when nginx is installed), worklist and report
 * reads by several users, the raw Kafka producer rate — and the one assertion that matters at any
 * rate: every accepted push became exactly one visit, and nothing answered 5xx. Speed figures are
 * printed, never asserted; the full run is {@code deploy/load/run-load.sh} on the local stack.
 */
class LoadHarnessE2eTest {

    @Test
    void everyAcceptedPushBecomesOneVisitAndNothingFailsUnderLoad() throws Exception {
        HuifangStack stack = HuifangStack.shared();
        Map<String, String> services = new LinkedHashMap<>();
        for (String s : HuifangStack.SERVICES.keySet()) {
            services.put(s, "http://127.0.0.1:" + stack.port(s));
        }
        LoadRun.Target target = new LoadRun.Target(stack.gatewayUrl(), services,
                TestInfrastructure.kafkaBootstrapServers(),
                (tenant, user, roles) -> TestInfrastructure.token(tenant, user, roles.toArray(String[]::new)),
                (tenant, customers) -> VisitCounter.api(HttpClients.plain(), stack.gatewayUrl(),
                        TestInfrastructure.token(tenant, "load-supervisor", "SUPERVISOR"), customers),
                List.of(ProcessHandle.current().pid()));

        LoadRun.Result result = new LoadRun(target, LoadRun.Options.bounded(), line -> System.out.println("[load] " + line))
                .run();
        System.out.println(LoadReport.markdown(result, "./mvnw verify (LoadHarnessE2eTest, bounded)"));

        assertThat(result.accepted()).as("pushes accepted").isPositive();
        assertThat(result.visits()).as("visits planned for the accepted pushes").isEqualTo(result.accepted());
        assertThat(result.serverErrors()).as("5xx answers").isZero();
        assertThat(result.steps()).allSatisfy(s -> assertThat(s.http().transportErrors()).isZero());
        assertThat(result.reads()).allSatisfy((StepResult r) -> assertThat(r.ok()).isPositive());
        if (result.nginxSkipped().isEmpty()) {
            assertThat(result.comparisons()).hasSize(4).allSatisfy(r -> assertThat(r.ok()).isPositive());
        }
    }
}

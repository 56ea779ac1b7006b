package com.huifang.load;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;

/** How many visits schedule-service has planned for the load's tenant so far. */
public interface VisitCounter extends AutoCloseable {

    com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    long count() throws IOException, InterruptedException;

    @Override
    default void close() {
    }

    /** Counts in schedule-service's store (fast: the full run). */
    static VisitCounter store(String mongoUri, String database, String tenant) {
        MongoClient client = MongoClients.create(mongoUri);
        return new VisitCounter() {
            @Override
            public long count() {
                return client.getDatabase(database).getCollection("visits").countDocuments(Filters.eq("tenantId", tenant));
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /** Asks the API, customer by customer (the bounded run in verify, where the store is shared). */
    static VisitCounter api(HttpClient client, String gatewayUrl, String token, Collection<String> customerIds) {
        return () -> {
            long visits = 0;
            for (String id : customerIds) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                                URI.create(gatewayUrl + "/api/visits?customerId=" + id))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    visits += JSON.readTree(r.body()).size();
                }
            }
            return visits;
        };
    }
}

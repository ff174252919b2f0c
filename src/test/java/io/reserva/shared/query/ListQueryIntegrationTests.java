package io.reserva.shared.query;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The query language end to end, on the API keys of one organization. */
@IntegrationTest
class ListQueryIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        for (String name : List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf")) {
            String role = name.length() % 2 == 0 ? "staff" : "read_only";
            TestApi.expect(api.post(tenant.adminKey(), "/api-keys", fields("name", name, "role", role)), 201);
        }
    }

    @Test
    void offsetPagesCarryTheTotal() {
        Response page = api.get(tenant.adminKey(), "/api-keys?$sort[name]=1&$limit=3&$skip=2");
        assertThat(page.body().get("total").asInt()).isEqualTo(8);
        assertThat(page.body().get("limit").asInt()).isEqualTo(3);
        assertThat(page.body().get("skip").asInt()).isEqualTo(2);
        assertThat(names(page)).containsExactly("Charlie", "Delta", "Echo");
    }

    @Test
    void theLimitIsClampedTo50AndZeroCountsOnly() {
        assertThat(api.get(tenant.adminKey(), "/api-keys?$limit=500")
                        .body()
                        .get("limit")
                        .asInt())
                .isEqualTo(50);
        Response count = api.get(tenant.adminKey(), "/api-keys?$limit=0");
        assertThat(count.body().get("total").asInt()).isEqualTo(8);
        assertThat(count.body().get("data")).isEmpty();
    }

    @Test
    void operatorsFilter() {
        assertThat(names(api.get(tenant.adminKey(), "/api-keys?name[$in]=Alpha&name[$in]=Echo&$sort[name]=1")))
                .containsExactly("Alpha", "Echo");
        assertThat(names(api.get(tenant.adminKey(), "/api-keys?name[$in][0]=Golf&name[$in][1]=Delta&$sort[name]=-1")))
                .containsExactly("Golf", "Delta");
        assertThat(names(api.get(tenant.adminKey(), "/api-keys?role[$in]=staff,admin&$sort[name]=1")))
                .containsExactly("Echo", "Golf", "Zulu admin");
        assertThat(names(api.get(tenant.adminKey(), "/api-keys?role[$nin]=staff,admin&$sort[name]=1")))
                .containsExactly("Alpha", "Bravo", "Charlie", "Delta", "Foxtrot");
        assertThat(names(api.get(tenant.adminKey(), "/api-keys?name[$gte]=E&name[$lt]=G&$sort[name]=1")))
                .containsExactly("Echo", "Foxtrot");
        assertThat(names(api.get(tenant.adminKey(), "/api-keys?role[$ne]=read_only&name[$ne]=Echo&$sort[name]=1")))
                .containsExactly("Golf", "Zulu admin");
        assertThat(api.get(tenant.adminKey(), "/api-keys?revoked_at=null")
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(8);
        assertThat(api.get(tenant.adminKey(), "/api-keys?revoked_at[$ne]=null")
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void searchTermMatchesPartOfTheNameIgnoringCase() {
        Response found = api.get(tenant.adminKey(), "/api-keys?searchTerm=LF");
        assertThat(names(found)).contains("Golf");
        // The search reads the key's prefix too, and a random prefix may hold "lf": any other key found must.
        found.body()
                .get("data")
                .forEach(row -> assertThat(row.get("name").asString().toLowerCase() + " "
                                + row.get("key_prefix").asString().toLowerCase())
                        .contains("lf"));
        assertThat(api.get(tenant.adminKey(), "/api-keys?searchTerm=%25")
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void enumValuesAndTypesAreChecked() {
        Response role = api.get(tenant.adminKey(), "/api-keys?role=owner");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.get("detail")).contains("role").contains("read_only");
        Response date = api.get(tenant.adminKey(), "/api-keys?created_at[$gte]=yesterday");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.body().get("errors").get(0).get("field").asString()).isEqualTo("created_at[$gte]");
    }

    @Test
    void cursorPagesWalkEveryRowOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = "*";
        int pages = 0;
        while (cursor != null) {
            Response page = api.get(tenant.adminKey(), "/api-keys?$sort[name]=1&$limit=3&$cursor=" + cursor);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            assertThat(page.body().has("total")).isFalse();
            seen.addAll(names(page));
            pages++;
            cursor = page.body().get("has_more").asBoolean() ? page.get("next_cursor") : null;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Zulu admin");
    }

    @Test
    void aCursorIsBoundToItsQuery() {
        String cursor = api.get(tenant.adminKey(), "/api-keys?$sort[name]=1&$limit=2&$cursor=*")
                .get("next_cursor");
        Response otherOrder = api.get(tenant.adminKey(), "/api-keys?$sort[name]=-1&$limit=2&$cursor=" + cursor);
        assertThat(otherOrder.status()).isEqualTo(400);
        assertThat(otherOrder.code()).isEqualTo("invalid_query");
        Response tampered = api.get(tenant.adminKey(), "/api-keys?$cursor=bm90LWEtY3Vyc29y");
        assertThat(tampered.status()).isEqualTo(400);
        Response withSkip = api.get(tenant.adminKey(), "/api-keys?$cursor=*&$skip=3");
        assertThat(withSkip.status()).isEqualTo(400);
    }

    private static List<String> names(Response page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        page.body().get("data").forEach(row -> names.add(row.get("name").asString()));
        return names;
    }
}

package io.reserva.google;

import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationService;
import io.reserva.google.GoogleIntegration.ServiceMapping;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Google's merchant, service and availability feeds (the Actions Center JSON feed formats) for every enabled
 * merchant into a new directory: each file complete on its own ({@code PROCESS_AS_COMPLETE}), sharded, stamped
 * with the run's {@code generation_timestamp} and {@code nonce}. Files are written under a temporary name and
 * renamed, so nothing reads half a file.
 */
@Component
class FeedGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a run wrote. */
    record GeneratedFeeds(
            Path directory,
            long generationTimestamp,
            String nonce,
            int merchants,
            int services,
            int availabilityRows,
            int availabilityShards,
            List<String> files,
            List<String> skipped) {}

    /** One service of one merchant as the feeds name it. */
    private record Offered(String merchantId, String googleServiceId, ReservationService service, LocalDate today) {}

    private final GoogleIntegrationRepository integrations;
    private final OrganizationManagement organizations;
    private final Catalog catalog;
    private final GoogleAvailability availability;
    private final GoogleFeedProperties properties;
    private final JsonMapper json;

    FeedGenerator(
            GoogleIntegrationRepository integrations,
            OrganizationManagement organizations,
            Catalog catalog,
            GoogleAvailability availability,
            GoogleFeedProperties properties,
            JsonMapper json) {
        this.integrations = integrations;
        this.organizations = organizations;
        this.catalog = catalog;
        this.availability = availability;
        this.properties = properties;
        this.json = json;
    }

    GeneratedFeeds generate(Instant now) {
        long generation = now.getEpochSecond();
        String nonce = Long.toUnsignedString(RANDOM.nextLong() >>> 1);
        Path directory = properties.directory().resolve(generation + "-" + nonce);
        List<Map<String, Object>> merchants = new ArrayList<>();
        List<Map<String, Object>> services = new ArrayList<>();
        List<Offered> offered = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (GoogleIntegration integration : integrations.enabled()) {
            Optional<Organization> found = organizations.find(integration.organizationId());
            if (found.isEmpty()) {
                continue;
            }
            Organization organization = found.get();
            if (organization.address() == null || organization.address().isBlank()) {
                // Google requires a merchant's location to match it to a place on Maps; a feed with a merchant
                // without one is refused as a whole, so the merchant is left out and the run says why.
                skipped.add("merchant " + integration.merchantId() + ": the organization has no address");
                continue;
            }
            merchants.add(merchant(integration.merchantId(), organization));
            CatalogSnapshot snapshot = catalog.snapshot(integration.organizationId());
            for (ServiceMapping mapping : integration.serviceMappings()) {
                Optional<ReservationService> service = snapshot.service(mapping.serviceId());
                if (service.isEmpty() || !service.get().isActive()) {
                    skipped.add("service " + integration.merchantId() + "/" + mapping.googleServiceId()
                            + ": the service is not active");
                    continue;
                }
                ReservationService active = service.get();
                services.add(service(integration.merchantId(), mapping.googleServiceId(), active, organization));
                LocalDate today = now.atZone(ZoneId.of(active.timezone())).toLocalDate();
                offered.add(new Offered(integration.merchantId(), mapping.googleServiceId(), active, today));
            }
        }
        try {
            Files.createDirectories(directory);
            List<String> files = new ArrayList<>();
            files.add(write(directory, "merchant", generation, 0, 1, "merchant", merchants, nonce));
            files.add(write(directory, "service", generation, 0, 1, "service", services, nonce));
            int[] rows = {0};
            List<String> shards = writeAvailability(directory, generation, nonce, offered, rows);
            files.addAll(shards);
            return new GeneratedFeeds(
                    directory,
                    generation,
                    nonce,
                    merchants.size(),
                    services.size(),
                    rows[0],
                    shards.size(),
                    files,
                    skipped);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Google feeds to " + directory, e);
        }
    }

    private static Map<String, Object> merchant(String merchantId, Organization organization) {
        Map<String, Object> merchant = new LinkedHashMap<>();
        merchant.put("merchant_id", merchantId);
        merchant.put("name", organization.name());
        if (organization.phone() != null && !organization.phone().isBlank()) {
            merchant.put("telephone", organization.phone());
        }
        if (organization.website() != null && !organization.website().isBlank()) {
            merchant.put("url", organization.website());
        }
        merchant.put("geo", Map.of("unstructured_address", organization.address()));
        merchant.put("category", "restaurant");
        return merchant;
    }

    private static Map<String, Object> service(
            String merchantId, String googleServiceId, ReservationService service, Organization organization) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("merchant_id", merchantId);
        message.put("service_id", googleServiceId);
        message.put("localized_service_name", Map.of("value", service.name()));
        if (service.description() != null && !service.description().isBlank()) {
            message.put("localized_description", Map.of("value", service.description()));
        }
        if (service.price() != null) {
            String currency = service.currency() == null ? organization.currency() : service.currency();
            message.put(
                    "price",
                    Map.of(
                            "price_micros",
                            service.price()
                                    .multiply(BigDecimal.valueOf(1_000_000))
                                    .longValueExact(),
                            "currency_code",
                            currency));
        }
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("min_advance_booking", service.minAdvanceHours() * 3600L);
        if (service.allowCancellation()) {
            rules.put(
                    "min_advance_online_canceling",
                    service.cancellationDeadlineHours() == null ? 0L : service.cancellationDeadlineHours() * 3600L);
        }
        message.put("rules", rules);
        message.put("prepayment_type", "NOT_SUPPORTED");
        message.put("type", "SERVICE_TYPE_DINING_RESERVATION");
        return message;
    }

    private String write(
            Path directory,
            String feed,
            long generation,
            int shard,
            int totalShards,
            String listName,
            List<Map<String, Object>> entries,
            String nonce)
            throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("metadata", metadata(generation, shard, totalShards, nonce));
        document.put(listName, entries);
        String name = fileName(feed, generation, shard, totalShards);
        Path temporary = directory.resolve(name + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            json.writeValue(out, document);
        }
        Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return name;
    }

    private static Map<String, Object> metadata(long generation, int shard, int totalShards, String nonce) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("processing_instruction", "PROCESS_AS_COMPLETE");
        metadata.put("shard_number", shard);
        metadata.put("total_shards", totalShards);
        metadata.put("nonce", nonce);
        metadata.put("generation_timestamp", generation);
        return metadata;
    }

    private static String fileName(String feed, long generation, int shard, int totalShards) {
        return feed + "_" + generation + "_" + (shard + 1) + "of" + totalShards + ".json";
    }

    /**
     * The availability feed: rows are computed service by service and split into shards of at most
     * {@code shard_rows}; a shard holds one {@code service_availability} entry per service (part) it carries.
     */
    private List<String> writeAvailability(
            Path directory, long generation, String nonce, List<Offered> offered, int[] count) throws IOException {
        record Part(Offered service, List<GoogleAvailability.Row> rows) {}
        List<List<Part>> shards = new ArrayList<>();
        List<Part> current = new ArrayList<>();
        int inCurrent = 0;
        for (Offered one : offered) {
            List<GoogleAvailability.Row> rows = availability.rows(
                    one.service().organizationId(),
                    one.service(),
                    one.today(),
                    one.today().plusDays(properties.days() - 1));
            count[0] += rows.size();
            int from = 0;
            while (from < rows.size()) {
                int take = Math.min(rows.size() - from, properties.shardRows() - inCurrent);
                current.add(new Part(one, rows.subList(from, from + take)));
                inCurrent += take;
                from += take;
                if (inCurrent == properties.shardRows()) {
                    shards.add(current);
                    current = new ArrayList<>();
                    inCurrent = 0;
                }
            }
        }
        if (!current.isEmpty() || shards.isEmpty()) {
            shards.add(current);
        }
        List<String> names = new ArrayList<>();
        for (int shard = 0; shard < shards.size(); shard++) {
            String name = fileName("availability", generation, shard, shards.size());
            Path temporary = directory.resolve(name + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary);
                    JsonGenerator generator = json.createGenerator(out)) {
                generator.writeStartObject();
                generator.writeName("metadata");
                generator.writePOJO(metadata(generation, shard, shards.size(), nonce));
                generator.writeName("service_availability");
                generator.writeStartArray();
                for (Part part : shards.get(shard)) {
                    generator.writeStartObject();
                    generator.writeName("availability");
                    generator.writeStartArray();
                    for (GoogleAvailability.Row row : part.rows()) {
                        writeRow(generator, part.service(), row);
                    }
                    generator.writeEndArray();
                    generator.writeEndObject();
                }
                generator.writeEndArray();
                generator.writeEndObject();
            }
            Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            names.add(name);
        }
        return names;
    }

    private static void writeRow(JsonGenerator generator, Offered service, GoogleAvailability.Row row) {
        generator.writeStartObject();
        generator.writeName("merchant_id");
        generator.writeString(service.merchantId());
        generator.writeName("service_id");
        generator.writeString(service.googleServiceId());
        generator.writeName("start_sec");
        generator.writeNumber(row.start().getEpochSecond());
        generator.writeName("duration_sec");
        generator.writeNumber(row.durationSec());
        generator.writeName("spots_total");
        generator.writeNumber(row.spotsTotal());
        generator.writeName("spots_open");
        generator.writeNumber(row.spotsOpen());
        generator.writeName("resources");
        generator.writeStartObject();
        generator.writeName("party_size");
        generator.writeNumber(row.partySize());
        generator.writeEndObject();
        generator.writeEndObject();
    }
}

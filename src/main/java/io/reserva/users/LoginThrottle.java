package io.reserva.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed sign-ins per account (the email as typed, known or not, so the answer never hints whether it
 * exists) and per client address, in token buckets refilled continuously over the window. When either is
 * empty, sign-in is refused with {@code 429} and {@code Retry-After} before the password is even checked. A
 * successful sign-in forgets the account's failures.
 *
 * <p>The buckets live in this node's memory, like the API rate limits: with N nodes an attacker gets at most N
 * times the allowance, and a restart forgets it. bcrypt's cost still bounds guessing to a few per second.
 */
class LoginThrottle {

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    LoginThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.instant();
                return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(window.multipliedBy(2))
                .maximumSize(200_000)
                .build();
    }

    /** Refuses with {@code 429 rate_limited} while the account or the address has no attempts left. */
    void check(String account, String address) {
        long waitNanos = Math.max(wait(accountKey(account), perAccount), wait(addressKey(address), perAddress));
        if (waitNanos > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
            throw new ReservaException(
                    ErrorCode.RATE_LIMITED,
                    "Too many failed sign-ins for this account or from this address; try again in " + seconds + " s",
                    java.util.List.of(),
                    Map.of("retry_after", seconds));
        }
    }

    void failed(String account, String address) {
        bucket(accountKey(account), perAccount).tryConsume(1);
        bucket(addressKey(address), perAddress).tryConsume(1);
    }

    void succeeded(String account) {
        buckets.invalidate(accountKey(account));
    }

    private long wait(String key, int capacity) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return 0;
        }
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : estimate.getNanosToWaitForRefill();
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(
                key,
                k -> Bucket.builder()
                        .withCustomTimePrecision(time)
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, window)
                                .build())
                        .build());
    }

    private static String accountKey(String account) {
        return "account:" + account;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}

package io.reserva.users;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts (installation-wide) and memberships (per organization) in PostgreSQL. */
@Repository
class UserRepository {

    static final String MEMBER_COLUMNS = "u.id, m.organization_id, u.email, m.name, m.role,"
            + " u.password_hash is not null as has_password, m.created_at, m.updated_at";
    static final String MEMBER_FROM = "user_memberships m join users u on u.id = m.user_id";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("select id, email, password_hash from users where email = :email")
                .param("email", email)
                .query(UserRepository::account)
                .optional();
    }

    Optional<UserAccount> findAccount(UUID id) {
        return jdbc.sql("select id, email, password_hash from users where id = :id")
                .param("id", id)
                .query(UserRepository::account)
                .optional();
    }

    void insertAccount(UUID id, String email, String passwordHash, Instant now) {
        jdbc.sql("""
                        insert into users (id, email, password_hash, password_set_at, created_at, updated_at)
                        values (:id, :email, :hash, :set_at, :now, :now)
                        """)
                .param("id", id)
                .param("email", email)
                .param("hash", passwordHash)
                .param("set_at", passwordHash == null ? null : SqlTypes.timestamptz(now))
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    void setPassword(UUID id, String passwordHash, Instant now) {
        jdbc.sql("update users set password_hash = :hash, password_set_at = :now, updated_at = :now where id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    void insertMembership(UUID organizationId, UUID userId, String name, Role role, Instant now) {
        jdbc.sql("""
                        insert into user_memberships (organization_id, user_id, name, role, created_at, updated_at)
                        values (:org, :user, :name, :role, :now, :now)
                        """)
                .param("org", organizationId)
                .param("user", userId)
                .param("name", name)
                .param("role", role.wire())
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    Optional<User> findMember(UUID organizationId, UUID userId) {
        return jdbc.sql("select " + MEMBER_COLUMNS + " from " + MEMBER_FROM
                        + " where m.organization_id = :org and m.user_id = :user")
                .param("org", organizationId)
                .param("user", userId)
                .query(UserRepository::member)
                .optional();
    }

    /** The organizations this user belongs to, oldest membership first. */
    List<UUID> organizationsOf(UUID userId) {
        return jdbc.sql("select organization_id from user_memberships where user_id = :user"
                        + " order by created_at, organization_id")
                .param("user", userId)
                .query(UUID.class)
                .list();
    }

    Page<User> list(ListQuery query, UUID organizationId) {
        return ListQueries.run(
                jdbc,
                query,
                MEMBER_COLUMNS,
                MEMBER_FROM,
                "m.organization_id = :scope_org",
                Map.of("scope_org", organizationId),
                UserRepository::member);
    }

    void updateMembership(UUID organizationId, UUID userId, String name, Role role, Instant now) {
        jdbc.sql("update user_memberships set name = :name, role = :role, updated_at = :now"
                        + " where organization_id = :org and user_id = :user")
                .param("org", organizationId)
                .param("user", userId)
                .param("name", name)
                .param("role", role.wire())
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /** Removes the membership; its sessions go with it (the foreign key cascades). */
    void deleteMembership(UUID organizationId, UUID userId) {
        jdbc.sql("delete from user_memberships where organization_id = :org and user_id = :user")
                .param("org", organizationId)
                .param("user", userId)
                .update();
    }

    /** An account left without any organization and without a password has nothing to keep. */
    void deleteIfOrphanInvitation(UUID userId) {
        jdbc.sql("""
                        delete from users u where u.id = :user and u.password_hash is null
                           and not exists (select 1 from user_memberships m where m.user_id = u.id)
                        """).param("user", userId).update();
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"));
    }

    private static User member(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("email"),
                rs.getString("name"),
                Role.fromWire(rs.getString("role")),
                rs.getBoolean("has_password") ? "active" : "invited",
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}

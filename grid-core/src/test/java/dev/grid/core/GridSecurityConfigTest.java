package dev.grid.core;

import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridSecurityConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code grid.security.*}: defaults, YAML, and every bad value refused naming the key and the value (never the secret). */
class GridSecurityConfigTest {

    private static GridConfigException rejectYaml(String... lines) {
        return assertThrows(GridConfigException.class, () -> GridConfig.fromYaml(String.join("\n", lines)));
    }

    @Test
    void defaultsFilterDeserializationAndBoundMessagesWithoutASecret() {
        GridSecurityConfig security = new GridConfig().getSecurity();
        assertEquals("", security.getSecret());
        assertEquals(16L << 20, security.getMaxMessageBytes());
        assertTrue(security.isDeserializationFilter());
        assertEquals(List.of(), security.getAllowedClasses());
    }

    @Test
    void loadsEverySecurityKeyFromYaml() {
        GridConfig config = GridConfig.fromYaml(String.join("\n",
                "grid:",
                "  security:",
                "    secret: 'a secret of at least sixteen'",
                "    maxMessageBytes: 4m",
                "    deserializationFilter: false",
                "    allowedClasses: [com.example.orders.OrderProcessor, 'com.example.model.*', 'org.acme.**', 'com.example.Order$Line']",
                ""));
        GridSecurityConfig security = config.getSecurity();
        assertEquals("a secret of at least sixteen", security.getSecret());
        assertEquals(4L << 20, security.getMaxMessageBytes());
        assertFalse(security.isDeserializationFilter());
        assertEquals(List.of("com.example.orders.OrderProcessor", "com.example.model.*", "org.acme.**", "com.example.Order$Line"),
                security.getAllowedClasses());
    }

    @Test
    void shouldRejectAMaxMessageBytesOutOfRangeNamingKeyAndValue() {
        GridConfigException e = assertThrows(GridConfigException.class, () -> new GridSecurityConfig().setMaxMessageBytes(-5));
        assertEquals("grid.security.maxMessageBytes", e.key());
        assertEquals("grid.security.maxMessageBytes must be between 4096 and 2147483647, was -5", e.getMessage());
        assertEquals("grid.security.maxMessageBytes must be between 4096 and 2147483647, was 4294967296",
                rejectYaml("grid:", "  security:", "    maxMessageBytes: 4g").getMessage());
        assertEquals("grid.security.maxMessageBytes must be a byte count such as 1073741824, 512m or 4g, was \"lots\"",
                rejectYaml("grid:", "  security:", "    maxMessageBytes: lots").getMessage());
    }

    @Test
    void shouldRejectAShortSecretWithoutShowingIt() {
        GridConfigException e = rejectYaml("grid:", "  security:", "    secret: hunter2");
        assertEquals("grid.security.secret", e.key());
        assertEquals("grid.security.secret must be at least 16 characters, not blank; was 7 characters long", e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
        GridConfigException client = assertThrows(GridConfigException.class, () -> new GridClientConfig().setSecret("                "));
        assertEquals("client.secret", client.key());
    }

    @Test
    void shouldRejectAnAllowlistEntryThatIsNoClassOrPackageNamingItsPosition() {
        GridConfigException e = rejectYaml("grid:", "  security:", "    allowedClasses: [com.example.Ok, 'com..bad', x]");
        assertEquals("grid.security.allowedClasses[1]", e.key());
        assertEquals("grid.security.allowedClasses[1] must be a class (com.example.Order), a package (com.example.*) "
                + "or a package tree (com.example.**), was \"com..bad\"", e.getMessage());
        assertThrows(GridConfigException.class, () -> new GridSecurityConfig().allowClasses("*"));
        assertThrows(GridConfigException.class, () -> new GridSecurityConfig().allowClasses("com.example.*.Order"));
    }

    @Test
    void shouldRejectAMapWhoseLargestValueNoClientMessageCouldCarry() {
        GridConfigException e = rejectYaml("grid:", "  security:", "    maxMessageBytes: 1m", "  maps:", "    orders:",
                "      maxValueSize: 2097152");
        assertEquals("grid.maps.orders.maxValueSize", e.key());
        assertEquals("grid.maps.orders.maxValueSize must be below grid.security.maxMessageBytes (1048576), was 2097152: "
                + "a client could not send such a value", e.getMessage());
    }

    @Test
    void aClientConfigForAClusterTakesTheMembersSecret() {
        GridConfig member = new GridConfig();
        member.getSecurity().setSecret("the members' shared secret");
        assertEquals("the members' shared secret", GridClientConfig.forCluster(member).getSecret());
    }
}

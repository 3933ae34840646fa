package dev.grid.server.impl.query;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlStatementsTest {
    @Test
    void splitsAtSemicolonsOutsideQuotes() {
        assertEquals(List.of("SELECT 'a;b' AS x", "SELECT \"c;d\" FROM t", "SELECT 1"),
                SqlStatements.split("SELECT 'a;b' AS x;\n SELECT \"c;d\" FROM t ;;\nSELECT 1"));
        assertEquals(List.of(), SqlStatements.split(" ;\n; "));
        assertEquals(List.of("SELECT 'it''s'"), SqlStatements.split("SELECT 'it''s';"));
    }
}

package dev.pgorm.types.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonStructureTest {

    record Flat(String name, int count, LocalDate day) {}

    record Holder(String name, List<Object> items) {}

    static class Bean {
        String text;
        Map<String, Object> meta = new LinkedHashMap<>();
        final int[] numbers = {1, 2};
    }

    static Map<String, Object> document() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("w", 10);
        inner.put("n", null);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("s", "Grüße 👋");
        doc.put("big", new BigDecimal("1.50"));
        doc.put("inner", inner);
        doc.put("list", new ArrayList<>(Arrays.asList(1, null, "x", new ArrayList<>(List.of(2)))));
        return doc;
    }

    @Test
    void copiesShareNothingMutable() {
        Map<String, Object> doc = document();
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) JsonStructure.copy(doc);
        assertThat(copy).isEqualTo(doc).isNotSameAs(doc);
        assertThat(copy.get("inner")).isNotSameAs(doc.get("inner"));
        assertThat(JsonStructure.equal(doc, copy)).isTrue();

        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) doc.get("inner");
        inner.put("w", 11);
        assertThat(JsonStructure.equal(copy, doc)).isFalse();
        inner.put("w", 10);
        assertThat(JsonStructure.equal(copy, doc)).isTrue();

        @SuppressWarnings("unchecked")
        List<Object> nested = (List<Object>) ((List<Object>) doc.get("list")).get(3);
        nested.add(3);
        assertThat(JsonStructure.equal(copy, doc)).isFalse();
    }

    @Test
    void differencesAreFound() {
        assertThat(JsonStructure.equal(Map.of("a", 1), Map.of("a", 1L))).isFalse();
        assertThat(JsonStructure.equal(Map.of("a", 1), Map.of("b", 1))).isFalse();
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("a", null);
        assertThat(JsonStructure.equal(nullValue, Map.of("b", 1))).isFalse();
        assertThat(JsonStructure.equal(List.of(1, 2), List.of(2, 1))).isFalse();
        assertThat(JsonStructure.equal(Map.of("a", List.of()), Map.of("a", Map.of()))).isFalse();
    }

    @Test
    void keyOrderDoesNotMatter() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("x", 1);
        a.put("y", 2);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("y", 2);
        b.put("x", 1);
        assertThat(JsonStructure.equal(a, b)).isTrue();
    }

    @Test
    void jdkClassesAreKept() {
        TreeMap<String, Object> sorted = new TreeMap<>(Map.of("b", 1, "a", 2));
        assertThat(JsonStructure.copy(sorted)).isInstanceOf(TreeMap.class).isEqualTo(sorted);
        assertThat(JsonStructure.copy(new HashMap<>(Map.of("a", 1)))).isInstanceOf(HashMap.class);
        assertThat(JsonStructure.copy(Map.of("a", 1))).isInstanceOf(LinkedHashMap.class);
    }

    @Test
    void recordsOfImmutableComponentsAreTheirOwnCopy() {
        Flat flat = new Flat("a", 1, LocalDate.of(2026, 1, 1));
        assertThat(JsonStructure.copy(flat)).isSameAs(flat);

        Holder holder = new Holder("h", new ArrayList<>(List.of(1)));
        Holder copy = (Holder) JsonStructure.copy(holder);
        assertThat(copy).isNotSameAs(holder).isEqualTo(holder);
        holder.items().add(2);
        assertThat(JsonStructure.equal(copy, holder)).isFalse();
    }

    @Test
    void beansAreComparedFieldByField() {
        Bean bean = new Bean();
        bean.text = "t";
        bean.meta.put("k", "v");
        Bean copy = (Bean) JsonStructure.copy(bean);
        assertThat(copy).isNotSameAs(bean);
        assertThat(copy.numbers).isNotSameAs(bean.numbers).containsExactly(1, 2);
        assertThat(JsonStructure.equal(copy, bean)).isTrue();
        bean.meta.put("k", "w");
        assertThat(JsonStructure.equal(copy, bean)).isFalse();
        bean.meta.put("k", "v");
        bean.numbers[0] = 5;
        assertThat(JsonStructure.equal(copy, bean)).isFalse();
    }

    static class Node {
        String name;
        Node parent; // a back reference, as @JsonBackReference would hide
        List<Node> children = new ArrayList<>();
    }

    @Test
    void cyclesAreLeftToTheJsonText() {
        Node root = tree();
        assertThatThrownBy(() -> JsonStructure.copy(root))
                .isInstanceOf(JsonStructure.Unsupported.class)
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> JsonStructure.equal(root, tree()))
                .isInstanceOf(JsonStructure.Unsupported.class);
    }

    private static Node tree() {
        Node root = new Node();
        Node child = new Node();
        child.parent = root;
        root.children.add(child);
        return root;
    }

    @Test
    void unknownJdkClassesAreUnsupported() {
        Map<String, Object> doc = Map.of("when", new java.util.Date());
        assertThatThrownBy(() -> JsonStructure.copy(doc))
                .isInstanceOf(JsonStructure.Unsupported.class)
                .hasMessageContaining("java.util.Date");
    }
}

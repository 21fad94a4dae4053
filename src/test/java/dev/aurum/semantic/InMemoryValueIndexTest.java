package dev.aurum.semantic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryValueIndexTest
{
    private final InMemoryValueIndex index = new InMemoryValueIndex(List.of(
            new ValueIndexEntry("order_facts", "customer_city", List.of("sao paulo", "rio de janeiro", "belo horizonte", "campinas"), Map.of()),
            new ValueIndexEntry("order_facts", "customer_state", List.of("SP", "RJ", "MG", "TO", "ES"),
                    Map.of("SP", List.of("sao paulo"), "MG", List.of("minas gerais"), "TO", List.of("tocantins"), "ES", List.of("espirito santo"))),
            new ValueIndexEntry("order_facts", "primary_payment_type", List.of("credit_card", "boleto", "voucher", "debit_card"), Map.of()),
            new ValueIndexEntry("order_items", "product_category", List.of("electronics", "bed_bath_table", "health_beauty", "toys", "watches_gifts"), Map.of())));

    @Test
    void matchesThroughCaseAndAccents()
    {
        assertThat(best("São Paulo")).isEqualTo("customer_city=sao paulo");
        assertThat(index.match("SÃO PAULO")).extracting(ValueMatch::score).first().isEqualTo(1.0);
        assertThat(best("sp")).isEqualTo("customer_state=SP");
        assertThat(best("Boleto")).isEqualTo("primary_payment_type=boleto");
    }

    @Test
    void stateNamesReachStateCodesBelowTheCityOfTheSameName()
    {
        List<ValueMatch> matches = index.match("são paulo");

        assertThat(matches).extracting(m -> m.dimension() + "=" + m.value()).containsExactly("customer_city=sao paulo", "customer_state=SP");
        assertThat(matches.get(1).score()).isLessThan(matches.get(0).score());
        assertThat(best("Minas Gerais")).isEqualTo("customer_state=MG");
        assertThat(best("espírito santo")).isEqualTo("customer_state=ES");
    }

    @Test
    void matchesThroughUnderscoresAndTheWordAnd()
    {
        assertThat(best("credit card")).isEqualTo("primary_payment_type=credit_card");
        assertThat(best("debit-card")).isEqualTo("primary_payment_type=debit_card");
        assertThat(best("health and beauty")).isEqualTo("product_category=health_beauty");
        assertThat(best("bed bath & table")).isEqualTo("product_category=bed_bath_table");
    }

    @Test
    void matchesPluralsAndSingularsWithALowerScore()
    {
        assertThat(index.match("electronic")).singleElement().satisfies(match -> {
            assertThat(match.value()).isEqualTo("electronics");
            assertThat(match.score()).isEqualTo(InMemoryValueIndex.PLURAL);
        });
        assertThat(best("toy")).isEqualTo("product_category=toys");
        assertThat(best("credit cards")).isEqualTo("primary_payment_type=credit_card");
        assertThat(best("vouchers")).isEqualTo("primary_payment_type=voucher");
        assertThat(best("watch gift")).isEqualTo("product_category=watches_gifts");
    }

    @Test
    void toleratesOneTypoInLongWordsOnly()
    {
        assertThat(index.match("electornics")).singleElement().satisfies(match -> {
            assertThat(match.value()).isEqualTo("electronics");
            assertThat(match.score()).isEqualTo(InMemoryValueIndex.TYPO);
        });
        assertThat(best("sao paolo")).isEqualTo("customer_city=sao paulo");
        assertThat(best("campinaz")).isEqualTo("customer_city=campinas");
        assertThat(best("bolet")).isEqualTo("primary_payment_type=boleto");
        assertThat(index.match("toxs")).isEmpty(); // four letters: no typo tolerance
        assertThat(index.match("elektornics")).isEmpty(); // two edits
        assertThat(index.match("orders in rio de janiero")).singleElement().satisfies(match -> {
            assertThat(match.value()).isEqualTo("rio de janeiro");
            assertThat(match.phrase()).isEqualTo("rio de janiero");
        });
    }

    @Test
    void findsValuesInsideALongerPhraseButNotShortWords()
    {
        assertThat(index.match("revenue in são paulo by month")).extracting(ValueMatch::value).contains("sao paulo");
        assertThat(index.match("revenue in são paulo by month").get(0).phrase()).isEqualTo("são paulo");
        assertThat(index.match("orders paid by credit card in Rio de Janeiro")).extracting(ValueMatch::value).contains("credit_card", "rio de janeiro");
        assertThat(index.match("how to grow sales in es")).isEmpty();
        assertThat(index.match("orders from ES")).extracting(ValueMatch::value).containsExactly("ES");
        assertThat(index.match("nothing here")).isEmpty();
    }

    @Test
    void listsTheValuesOfADimension()
    {
        assertThat(index.values("customer_state")).containsExactly("ES", "MG", "RJ", "SP", "TO");
        assertThat(index.values("order_items.product_category")).contains("electronics");
        assertThat(index.values("unknown")).isEmpty();
    }

    private String best(String phrase)
    {
        List<ValueMatch> matches = index.match(phrase);
        assertThat(matches).as(phrase).isNotEmpty();
        return matches.get(0).dimension() + "=" + matches.get(0).value();
    }
}

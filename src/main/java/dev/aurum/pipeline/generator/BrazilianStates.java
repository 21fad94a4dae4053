package dev.aurum.pipeline.generator;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reference data for customers: Brazil's states with their share of online shoppers (skewed to SP, RJ, MG as in
 * the public Olist data), real city names in lower case without accents, zip prefix ranges and the typical number
 * of days a parcel from the south-east takes to arrive there.
 */
final class BrazilianStates
{
    record State(String code, double weight, int zipFrom, int zipTo, double deliveryDays, List<String> cities)
    {
        State
        {
            requireNonNull(code, "code is null");
            cities = List.copyOf(requireNonNull(cities, "cities is null"));
        }
    }

    static final List<State> STATES = List.of(
            new State("SP", 41.9, 1000, 19999, 8.5, List.of("sao paulo", "campinas", "guarulhos", "sao bernardo do campo", "santo andre", "osasco", "santos", "ribeirao preto", "sorocaba", "sao jose dos campos", "jundiai", "piracicaba", "bauru", "santa barbara d'oeste")),
            new State("RJ", 12.9, 20000, 28999, 15.0, List.of("rio de janeiro", "niteroi", "nova iguacu", "duque de caxias", "sao goncalo", "petropolis", "campos dos goytacazes")),
            new State("MG", 11.7, 30000, 39999, 11.8, List.of("belo horizonte", "contagem", "juiz de fora", "uberlandia", "betim", "montes claros", "uberaba")),
            new State("RS", 5.5, 90000, 99999, 15.0, List.of("porto alegre", "caxias do sul", "canoas", "pelotas", "santa maria")),
            new State("PR", 5.1, 80000, 87999, 11.5, List.of("curitiba", "londrina", "maringa", "ponta grossa", "cascavel")),
            new State("SC", 3.7, 88000, 89999, 14.5, List.of("florianopolis", "joinville", "blumenau", "sao jose", "itajai")),
            new State("BA", 3.4, 40000, 48999, 19.0, List.of("salvador", "feira de santana", "vitoria da conquista", "camacari")),
            new State("DF", 2.2, 70000, 73699, 12.5, List.of("brasilia")),
            new State("ES", 2.0, 29000, 29999, 15.3, List.of("vila velha", "vitoria", "serra", "cariacica")),
            new State("GO", 2.0, 74000, 76799, 15.2, List.of("goiania", "anapolis", "aparecida de goiania")),
            new State("PE", 1.7, 50000, 56999, 18.0, List.of("recife", "jaboatao dos guararapes", "olinda", "caruaru")),
            new State("CE", 1.3, 60000, 63999, 21.0, List.of("fortaleza", "caucaia", "juazeiro do norte")),
            new State("PA", 1.0, 66000, 68899, 23.5, List.of("belem", "ananindeua", "santarem")),
            new State("MT", 0.9, 78000, 78899, 18.0, List.of("cuiaba", "varzea grande", "rondonopolis")),
            new State("MA", 0.75, 65000, 65999, 21.5, List.of("sao luis", "imperatriz")),
            new State("MS", 0.7, 79000, 79999, 15.5, List.of("campo grande", "dourados")),
            new State("PB", 0.5, 58000, 58999, 20.0, List.of("joao pessoa", "campina grande")),
            new State("PI", 0.5, 64000, 64999, 19.0, List.of("teresina", "parnaiba")),
            new State("RN", 0.5, 59000, 59999, 19.0, List.of("natal", "mossoro")),
            new State("AL", 0.4, 57000, 57999, 24.0, List.of("maceio", "arapiraca")),
            new State("SE", 0.35, 49000, 49999, 21.0, List.of("aracaju", "nossa senhora do socorro")),
            new State("TO", 0.28, 77000, 77999, 17.0, List.of("palmas", "araguaina")),
            new State("RO", 0.25, 76800, 76999, 20.5, List.of("porto velho", "ji-parana")),
            new State("AM", 0.15, 69000, 69299, 26.0, List.of("manaus")),
            new State("AC", 0.08, 69900, 69999, 21.0, List.of("rio branco")),
            new State("AP", 0.07, 68900, 68999, 27.0, List.of("macapa")),
            new State("RR", 0.05, 69300, 69399, 29.0, List.of("boa vista")));

    private BrazilianStates() {}
}

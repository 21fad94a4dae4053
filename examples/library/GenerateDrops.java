import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the public library's CSV drops that its eval suite runs on (evals/landing), deterministically: the same
 * seed gives the same bytes. Run from the repository root:
 *
 * <pre>java examples/library/GenerateDrops.java examples/library/evals/landing</pre>
 *
 * Six quarterly drops from 2024-04-01 to 2025-07-01, as landing/entity/YYYY-MM-DD/entity.csv: branches once; members
 * who joined since the last drop; books (a second batch of acquisitions in 2025); loans made since the last drop, and
 * loans returned or lost since then arriving again with their new status (the latest drop wins). Loans run from
 * 2024-01-01 to 2025-06-30, busier in summer and in December; the fine is 0.25 EUR a day late (at most 10.00), 15.00
 * for a lost book.
 */
public final class GenerateDrops
{
    record Branch(String id, String name, String district) {}

    record Member(String id, String type, String homeBranch, LocalDate joined) {}

    record Book(String id, String title, String author, String genre, int published, LocalDate acquired) {}

    record Loan(String id, String member, String book, String branch, LocalDate loaned, LocalDate due, LocalDate returned, boolean lost, String fine) {}

    static final LocalDate FIRST_LOAN = LocalDate.of(2024, 1, 1);
    static final LocalDate LAST_LOAN = LocalDate.of(2025, 6, 30);
    static final List<LocalDate> DROPS = List.of(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 7, 1), LocalDate.of(2024, 10, 1),
            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1));

    public static void main(String[] args)
            throws IOException
    {
        if (args.length != 1) {
            System.err.println("usage: java GenerateDrops.java LANDING_FOLDER");
            System.exit(2);
        }
        Path landing = Path.of(args[0]);
        Random random = new Random(20240101L);

        List<Branch> branches = List.of(
                new Branch("BR1", "Central", "Old Town"),
                new Branch("BR2", "Riverside", "Harbour"),
                new Branch("BR3", "Hillcrest", "North Hills"),
                new Branch("BR4", "Oakwood", "West End"),
                new Branch("BR5", "Lakeside", "Harbour"),
                new Branch("BR6", "Northgate", "North Hills"));

        String[] types = {"adult", "adult", "adult", "adult", "adult", "child", "child", "student", "student", "senior"};
        List<Member> members = new ArrayList<>();
        for (int i = 1; i <= 260; i++) {
            // most members joined before 2024; about a fifth join while the loans run
            LocalDate joined = i <= 210
                    ? LocalDate.of(2018, 1, 1).plusDays(random.nextInt(2190))
                    : FIRST_LOAN.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(FIRST_LOAN, LAST_LOAN.minusDays(30))));
            members.add(new Member(String.format(Locale.ROOT, "M%04d", i), types[random.nextInt(types.length)],
                    branches.get(random.nextInt(branches.size())).id(), joined));
        }

        String[] genres = {"fiction", "fiction", "mystery", "mystery", "fantasy", "science", "history", "biography", "children", "children", "cooking", "poetry"};
        String[] authors = {"Ada Brook", "Ben Carter", "Clara Dunn", "David Ellis", "Emma Frost", "Felix Grant", "Grace Hill", "Henry Irving",
                "Iris Jones", "Jack Keller", "Kate Lowe", "Leo Marsh", "Mia Nolan", "Noah Ortiz", "Olive Price", "Paul Quinn", "Rose Reed",
                "Sam Stone", "Tara Vance", "Will Young"};
        String[] first = {"The Silent", "A Distant", "The Last", "Hidden", "The Winter", "Broken", "The Golden", "Midnight", "The Lost", "Secret"};
        String[] second = {"River", "Garden", "Harbour", "Letters", "Kingdom", "Orchard", "Lighthouse", "Forest", "Voyage", "Recipe"};
        List<Book> books = new ArrayList<>();
        for (int i = 1; i <= 320; i++) {
            LocalDate acquired = i <= 280 ? LocalDate.of(2023, 12, 1) : LocalDate.of(2025, 1, 15).plusDays(random.nextInt(60));
            books.add(new Book(String.format(Locale.ROOT, "BK%04d", i), first[random.nextInt(first.length)] + " " + second[random.nextInt(second.length)]
                    + " " + (i % 7 + 1), authors[random.nextInt(authors.length)], genres[random.nextInt(genres.length)], 1950 + random.nextInt(75), acquired));
        }

        List<Loan> loans = new ArrayList<>();
        int next = 1;
        for (LocalDate day = FIRST_LOAN; !day.isAfter(LAST_LOAN); day = day.plusDays(1)) {
            int month = day.getMonthValue();
            int base = month >= 6 && month <= 8 ? 9 : month == 12 ? 8 : month <= 2 ? 4 : 6;
            int count = base / 2 + random.nextInt(base) + (day.getDayOfWeek().getValue() >= 6 ? 2 : 0);
            for (int n = 0; n < count; n++) {
                final LocalDate today = day;
                List<Member> joined = members.stream().filter(member -> !member.joined().isAfter(today)).toList();
                List<Book> shelf = books.stream().filter(book -> !book.acquired().isAfter(today)).toList();
                Member member = joined.get(random.nextInt(joined.size()));
                Book book = shelf.get(random.nextInt(shelf.size()));
                String branch = random.nextInt(10) < 8 ? member.homeBranch() : branches.get(random.nextInt(branches.size())).id();
                LocalDate due = day.plusDays(21);
                boolean lost = random.nextInt(100) < 2;
                int keep = 3 + random.nextInt(random.nextInt(10) < 8 ? 20 : 45);
                LocalDate returned = lost ? null : day.plusDays(keep);
                String fine;
                if (lost) {
                    fine = "15.00";
                }
                else {
                    long late = Math.max(0, ChronoUnit.DAYS.between(due, returned));
                    fine = String.format(Locale.ROOT, "%.2f", Math.min(10.0, late * 0.25));
                }
                loans.add(new Loan(String.format(Locale.ROOT, "L%06d", next++), member.id(), book.id(), branch, day, due, returned, lost, fine));
            }
        }

        LocalDate previous = LocalDate.MIN;
        for (LocalDate drop : DROPS) {
            final LocalDate since = previous;
            if (since.equals(LocalDate.MIN)) {
                StringBuilder csv = new StringBuilder("branch_id,branch_name,district\n");
                branches.forEach(b -> csv.append(b.id()).append(',').append(b.name()).append(',').append(b.district()).append('\n'));
                write(landing, "branches", drop, csv);
            }
            StringBuilder memberCsv = new StringBuilder("member_id,member_type,home_branch_id,joined_date\n");
            members.stream().filter(m -> m.joined().isBefore(drop) && !m.joined().isBefore(since.equals(LocalDate.MIN) ? LocalDate.MIN : since))
                    .forEach(m -> memberCsv.append(m.id()).append(',').append(m.type()).append(',').append(m.homeBranch()).append(',').append(m.joined()).append('\n'));
            write(landing, "members", drop, memberCsv);
            StringBuilder bookCsv = new StringBuilder("book_id,title,author,genre,publication_year\n");
            long newBooks = books.stream().filter(b -> b.acquired().isBefore(drop) && !b.acquired().isBefore(since)).peek(b -> bookCsv.append(b.id()).append(',')
                    .append(b.title()).append(',').append(b.author()).append(',').append(b.genre()).append(',').append(b.published()).append('\n')).count();
            if (newBooks > 0) {
                write(landing, "books", drop, bookCsv);
            }
            StringBuilder loanCsv = new StringBuilder("loan_id,member_id,book_id,branch_id,loan_date,due_date,returned_date,status,fine_amount\n");
            for (Loan loan : loans) {
                boolean madeNow = loan.loaned().isBefore(drop) && !loan.loaned().isBefore(since);
                // a loan is known returned (or lost, 60 days after its due date) in the first drop after that day
                LocalDate settled = loan.lost() ? loan.due().plusDays(60) : loan.returned();
                boolean settledNow = settled.isBefore(drop) && !settled.isBefore(since) && loan.loaned().isBefore(since);
                if (!madeNow && !settledNow) {
                    continue;
                }
                boolean known = settled.isBefore(drop);
                String status = !known ? "on_loan" : loan.lost() ? "lost" : "returned";
                loanCsv.append(loan.id()).append(',').append(loan.member()).append(',').append(loan.book()).append(',').append(loan.branch()).append(',')
                        .append(loan.loaned()).append(',').append(loan.due()).append(',').append(known && !loan.lost() ? loan.returned().toString() : "")
                        .append(',').append(status).append(',').append(known ? loan.fine() : "0.00").append('\n');
            }
            write(landing, "loans", drop, loanCsv);
            previous = drop;
        }
        System.out.println("wrote " + loans.size() + " loans, " + members.size() + " members, " + books.size() + " books, " + branches.size()
                + " branches in " + DROPS.size() + " drops under " + landing);
    }

    private static void write(Path landing, String entity, LocalDate drop, CharSequence csv)
            throws IOException
    {
        Path file = landing.resolve(entity).resolve(drop.toString()).resolve(entity + ".csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }
}

package dev.aurum.testing;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that starts Spark (through {@link TestSpark}, {@link GoldFixture}, {@link TestLakehouse} or a child
 * JVM that runs Aurum): JUnit tag {@value #TAG}. {@code mvn -B test -Pquick} leaves these out; {@code mvn -B verify}
 * runs everything.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(SparkTest.TAG)
public @interface SparkTest
{
    String TAG = "spark";
}

package io.github.oteltracing.benchmarks;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time and allocation of one JDBC statement on H2 behind HikariCP, with and without the
 * starter, outside and inside a trace ({@link JdbcCalls}). The starter's promise: outside
 * a trace, {@code jdbcStarter} costs at most 1.05 times {@code jdbcPlain}. The same
 * application with JDBC tracing off ({@code jdbcStarterJdbcOff}) tells what the wrapper
 * costs apart from what differs between a pool in an application and one built by hand.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class JdbcBenchmark {

	@Benchmark
	public long jdbcPlain(JdbcCalls.Plain call) throws SQLException {
		return call.query();
	}

	@Benchmark
	public long jdbcPlainInTrace(JdbcCalls.PlainInTrace call) throws SQLException {
		return call.query();
	}

	@Benchmark
	public long jdbcStarter(JdbcCalls.Starter call) throws SQLException {
		return call.query();
	}

	@Benchmark
	public long jdbcStarterJdbcOff(JdbcCalls.StarterJdbcOff call) throws SQLException {
		return call.query();
	}

	@Benchmark
	public long jdbcStarterInTrace(JdbcCalls.StarterInTrace call) throws SQLException {
		return call.query();
	}

}

package io.github.oteltracing.internal.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.opentelemetry.context.Context;

import org.springframework.aop.support.AopUtils;
import org.springframework.cglib.core.NamingPolicy;
import org.springframework.cglib.core.Predicate;
import org.springframework.cglib.proxy.Callback;
import org.springframework.cglib.proxy.CallbackFilter;
import org.springframework.cglib.proxy.Dispatcher;
import org.springframework.cglib.proxy.Enhancer;
import org.springframework.cglib.proxy.Factory;
import org.springframework.cglib.proxy.MethodInterceptor;
import org.springframework.cglib.proxy.MethodProxy;
import org.springframework.core.SmartClassLoader;
import org.springframework.objenesis.SpringObjenesis;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A data source whose connections, borrowed inside a trace, trace their statements;
 * outside a trace it hands out the wrapped data source's own connection and allocates
 * nothing. A subclass of the wrapped data source's class where that can be generated (so
 * that a {@code HikariDataSource} bean is still injectable as one), otherwise a JDK proxy
 * of all its interfaces.
 *
 * <p>Not a Spring AOP proxy: that allocates a method invocation on every borrow. The
 * subclass sends {@code getConnection} to {@link #intercept}, {@code equals},
 * {@code hashCode} and {@code unwrap} to {@link Identity}, and every other method straight
 * to the wrapped data source ({@link Dispatcher}: a cast and a call). It is instantiated without running a
 * constructor, so that a pool's constructor neither runs twice nor starts threads.
 */
final class TracingDataSource implements MethodInterceptor, Dispatcher, InvocationHandler {

	private static final SpringObjenesis objenesis = new SpringObjenesis();

	private static final int GET_CONNECTION = 0;

	private static final int IDENTITY = 1;

	private static final int TARGET = 2;

	private static final Class<?>[] CALLBACK_TYPES = { MethodInterceptor.class, MethodInterceptor.class,
			Dispatcher.class };

	private final DataSource target;

	private final TracedDatabase database;

	private TracingDataSource(DataSource target, TracedDatabase database) {
		this.target = target;
		this.database = database;
	}

	/**
	 * Wraps a data source, unless it is wrapped already.
	 * @param target the data source
	 * @param database the tracing of its statements
	 * @return the wrapping data source, of the target's class where it can be subclassed
	 */
	static Object wrap(DataSource target, TracedDatabase database) {
		if (handlerOf(target) != null) {
			return target;
		}
		TracingDataSource handler = new TracingDataSource(target, database);
		// The class the bean was written as, not that of a Spring proxy around it.
		Class<?> type = ClassUtils.getUserClass(target);
		ClassLoader classLoader = target.getClass().getClassLoader();
		if (!canSubclass(type)) {
			return Proxy.newProxyInstance(classLoader, ClassUtils.getAllInterfaces(target), handler);
		}
		Factory proxy = (Factory) instantiate(proxyClass(type, classLoader));
		proxy.setCallbacks(new Callback[] { handler, new Identity(handler), handler });
		return proxy;
	}

	/**
	 * The data source a wrapping data source wraps.
	 * @param candidate any object
	 * @return the wrapped data source, or {@code null} if the candidate is not a
	 * wrapping data source
	 */
	static DataSource targetOf(Object candidate) {
		TracingDataSource handler = handlerOf(candidate);
		return (handler != null) ? handler.target : null;
	}

	private static TracingDataSource handlerOf(Object candidate) {
		if (candidate instanceof Factory factory
				&& factory.getCallback(GET_CONNECTION) instanceof TracingDataSource handler) {
			return handler;
		}
		if (candidate != null && Proxy.isProxyClass(candidate.getClass())
				&& Proxy.getInvocationHandler(candidate) instanceof TracingDataSource handler) {
			return handler;
		}
		return null;
	}

	// A subclass would run a final method on its own, never initialised, fields.
	private static boolean canSubclass(Class<?> type) {
		if (!Modifier.isPublic(type.getModifiers()) || Modifier.isFinal(type.getModifiers())
				|| Proxy.isProxyClass(type) || type.getEnclosingClass() != null) {
			return false;
		}
		for (Method method : type.getMethods()) {
			if (Modifier.isFinal(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
					&& method.getDeclaringClass() != Object.class) {
				return false;
			}
		}
		return true;
	}

	private static Class<?> proxyClass(Class<?> type, ClassLoader classLoader) {
		Enhancer enhancer = new Enhancer();
		enhancer.setSuperclass(type);
		enhancer.setClassLoader(classLoader);
		// Generated once per class and class loader, except for classes a dev-tools restart reloads.
		enhancer.setUseCache(!(classLoader instanceof SmartClassLoader smart && smart.isClassReloadable(type)));
		enhancer.setNamingPolicy(Naming.INSTANCE);
		enhancer.setCallbackFilter(Methods.INSTANCE);
		enhancer.setCallbackTypes(CALLBACK_TYPES);
		return enhancer.createClass();
	}

	private static Object instantiate(Class<?> proxyClass) {
		if (objenesis.isWorthTrying()) {
			return objenesis.newInstance(proxyClass);
		}
		try {
			return ReflectionUtils.accessibleConstructor(proxyClass).newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot instantiate " + proxyClass.getName(), ex);
		}
	}

	/**
	 * A connection of the wrapped data source, which traces its statements if borrowed
	 * inside a trace.
	 * @param args none, or the user name and password
	 * @return the connection
	 * @throws SQLException as thrown by the wrapped data source
	 */
	private Connection connection(Object[] args) throws SQLException {
		Connection connection = (args == null || args.length == 0) ? this.target.getConnection()
				: this.target.getConnection((String) args[0], (String) args[1]);
		// Outside a trace the pool's own connection: nothing to pay for per statement.
		if (connection == null || !this.database.traces(Context.current())) {
			return connection;
		}
		return TracingConnection.wrap(connection, this.database);
	}

	@Override
	public Object intercept(Object proxy, Method method, Object[] args, MethodProxy methodProxy) throws Throwable {
		return connection(args);
	}

	@Override
	public Object loadObject() {
		return this.target;
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		if (Methods.isGetConnection(method)) {
			return connection(args);
		}
		if (Methods.knowsTheProxy(method)) {
			return proxyMethod(proxy, method, args);
		}
		return AopUtils.invokeJoinpointUsingReflection(this.target, method, args);
	}

	private Object proxyMethod(Object proxy, Method method, Object[] args) throws SQLException {
		if (Methods.isEquals(method)) {
			return equals(proxy, args[0]);
		}
		if (Methods.isHashCode(method)) {
			return this.target.hashCode();
		}
		// The wrapper rather than the pool where it will do, so that its statements stay traced.
		Object unwrapped = this.target.unwrap((Class<?>) args[0]);
		return (unwrapped == this.target && ((Class<?>) args[0]).isInstance(proxy)) ? proxy : unwrapped;
	}

	// Equal to itself and to another wrapper of an equal data source, never to the bare one
	// (which would not be equal back).
	private boolean equals(Object proxy, Object other) {
		if (other == proxy) {
			return true;
		}
		DataSource otherTarget = targetOf(other);
		return otherTarget != null && this.target.equals(otherTarget);
	}

	/**
	 * The methods of a subclass whose answer depends on the subclass itself.
	 */
	private static final class Identity implements MethodInterceptor {

		private final TracingDataSource handler;

		Identity(TracingDataSource handler) {
			this.handler = handler;
		}

		@Override
		public Object intercept(Object proxy, Method method, Object[] args, MethodProxy methodProxy)
				throws SQLException {
			return this.handler.proxyMethod(proxy, method, args);
		}

	}

	/**
	 * Which callback a method of a subclass goes to.
	 */
	private static final class Methods implements CallbackFilter {

		static final Methods INSTANCE = new Methods();

		@Override
		public int accept(Method method) {
			if (isGetConnection(method)) {
				return GET_CONNECTION;
			}
			return knowsTheProxy(method) ? IDENTITY : TARGET;
		}

		static boolean knowsTheProxy(Method method) {
			return isEquals(method) || isHashCode(method) || (method.getName().equals("unwrap")
					&& method.getParameterCount() == 1 && method.getParameterTypes()[0] == Class.class);
		}

		static boolean isGetConnection(Method method) {
			if (!method.getName().equals("getConnection") || method.getReturnType() != Connection.class) {
				return false;
			}
			// The count first: the JDK proxy asks on every borrow, and the types are a copy.
			if (method.getParameterCount() == 0) {
				return true;
			}
			Class<?>[] parameters = method.getParameterTypes();
			return parameters.length == 2 && parameters[0] == String.class && parameters[1] == String.class;
		}

		static boolean isEquals(Method method) {
			return method.getName().equals("equals") && method.getParameterCount() == 1
					&& method.getParameterTypes()[0] == Object.class;
		}

		static boolean isHashCode(Method method) {
			return method.getName().equals("hashCode") && method.getParameterCount() == 0;
		}

	}

	/**
	 * Names the subclass {@code <class>$$TracingDataSource$$<n>}: a name of its own, so
	 * that it never takes that of a Spring AOP proxy class generated ahead of time.
	 * {@code $$} marks it as generated for {@link ClassUtils#getUserClass(Class)}.
	 */
	private static final class Naming implements NamingPolicy {

		static final Naming INSTANCE = new Naming();

		@Override
		public String getClassName(String prefix, String source, Object key, Predicate names) {
			String base = prefix + "$$TracingDataSource$$";
			int index = 0;
			while (names.evaluate(base + index)) {
				index++;
			}
			return base + index;
		}

	}

}

package io.github.oteltracing.benchmarks.shared;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

/**
 * The advice of a typical application's proxied bean (a transaction, security or metrics
 * aspect), reduced to its cost: it only proceeds.
 */
@Aspect
public class PassThroughAspect {

	@Around("execution(* io.github.oteltracing.benchmarks.shared.*Service.*(..))")
	public Object proceed(ProceedingJoinPoint pjp) throws Throwable {
		return pjp.proceed();
	}

}

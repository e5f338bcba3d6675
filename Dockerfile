# syntax=docker/dockerfile:1
# Images of the three sample services, built from source. docker-compose.yml builds one
# target per service: order-service, inventory-service, payment-service.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY . .
# The cache mount keeps downloaded dependencies between builds (and between the three targets).
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests package \
        -pl sample-order-service,sample-inventory-service,sample-payment-service -am \
 && mkdir /jars \
 && cp sample-order-service/target/*-exec.jar /jars/order-service.jar \
 && cp sample-inventory-service/target/*-exec.jar /jars/inventory-service.jar \
 && cp sample-payment-service/target/*-exec.jar /jars/payment-service.jar

FROM eclipse-temurin:17-jre AS runtime
WORKDIR /app
# No need for root: the services only listen on unprivileged ports and write to /tmp.
USER 65534:65534

FROM runtime AS order-service
COPY --from=build /jars/order-service.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

FROM runtime AS inventory-service
COPY --from=build /jars/inventory-service.jar app.jar
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

FROM runtime AS payment-service
COPY --from=build /jars/payment-service.jar app.jar
EXPOSE 8082
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

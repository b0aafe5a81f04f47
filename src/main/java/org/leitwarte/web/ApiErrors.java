package org.leitwarte.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.validation.ValidatorException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.incident.IncidentConflictException;
import org.leitwarte.ticket.TicketConflictException;
import org.leitwarte.ticket.TicketForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become answers: domain errors (not found, invalid input, conflict), refusals of
 * the OpenAPI validation, oversized bodies, unknown routes and methods each get their status and the
 * error JSON; anything else is a 500 whose details go to the log only.
 */
final class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private final OpenAPIContract contract;
  private final ValidationErrors validationErrors;
  private final int maxBodyBytes;

  ApiErrors(OpenAPIContract contract, int maxBodyBytes) {
    this.contract = contract;
    this.validationErrors = new ValidationErrors(new RequestSchemas(contract.getRawContract()));
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Failure handler of every route. */
  void failure(RoutingContext context) {
    Operation operation = contract.findOperation(context.request().path(), context.request().method());
    ApiError error = classify(context.failure(), context.statusCode(), operation);
    if (error.status() >= 500) {
      LOG.error("{} {} failed", context.request().method(), context.request().path(), context.failure());
    }
    send(context, error);
  }

  /** No route has this path. */
  void notFound(RoutingContext context) {
    send(context, new ApiError(404, ApiError.NOT_FOUND,
        "no route " + context.request().method() + " " + context.request().path() + "; the API is described at /api/v1/openapi.yaml",
        Optional.empty()));
  }

  /** A route has this path, but not this method. */
  void methodNotAllowed(RoutingContext context) {
    String allowed = Optional.ofNullable(contract.findPath(context.request().path()))
        .map(Path::getOperations)
        .map(operations -> operations.stream().map(Operation::getHttpMethod).map(HttpMethod::name).sorted()
            .collect(Collectors.joining(", ")))
        .orElse("");
    if (!allowed.isEmpty()) {
      context.response().putHeader(HttpHeaders.ALLOW, allowed);
    }
    send(context, new ApiError(405, ApiError.METHOD_NOT_ALLOWED,
        context.request().method() + " is not allowed on " + context.request().path()
            + (allowed.isEmpty() ? "" : "; allowed: " + allowed),
        Optional.empty()));
  }

  /** @param operation the operation of the request, if it has one; names the fields of its body */
  ApiError classify(Throwable failure, int status, Operation operation) {
    if (failure instanceof HttpException http) {
      return http.getCause() instanceof ValidatorException refusal
          ? validationErrors.of(refusal, operation)
          : ofStatus(http.getStatusCode());
    }
    if (failure instanceof ValidatorException refusal) {
      return validationErrors.of(refusal, operation);
    }
    if (failure instanceof NotFoundException) {
      return new ApiError(404, ApiError.NOT_FOUND, failure.getMessage(), Optional.empty());
    }
    if (failure instanceof Forbidden) {
      return new ApiError(403, ApiError.FORBIDDEN, failure.getMessage(), Optional.empty());
    }
    if (failure instanceof IncidentConflictException || failure instanceof TicketConflictException) {
      return new ApiError(409, ApiError.CONFLICT, failure.getMessage(), Optional.empty());
    }
    if (failure instanceof TicketForbiddenException) {
      return new ApiError(403, ApiError.FORBIDDEN, failure.getMessage(), Optional.empty());
    }
    if (failure instanceof InvalidInputException invalid) {
      return new ApiError(400, ApiError.INVALID_REQUEST, invalid.getMessage(), Optional.of(invalid.field()));
    }
    return failure == null ? ofStatus(status) : ApiError.internal();
  }

  private ApiError ofStatus(int status) {
    return switch (status) {
      case 400 -> new ApiError(400, ApiError.INVALID_REQUEST, "bad request", Optional.empty());
      case 404 -> new ApiError(404, ApiError.NOT_FOUND, "not found", Optional.empty());
      case 413 -> new ApiError(413, ApiError.PAYLOAD_TOO_LARGE,
          "the request body is larger than " + maxBodyBytes + " bytes (" + maxBodyBytes / 1024 + " KiB)", Optional.empty());
      case 415 -> new ApiError(415, ApiError.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json", Optional.empty());
      default -> status >= 400 && status < 500
          ? new ApiError(status, ApiError.INVALID_REQUEST, "request refused (HTTP " + status + ")", Optional.empty())
          : ApiError.internal();
    };
  }

  private static void send(RoutingContext context, ApiError error) {
    if (context.response().headWritten()) {
      // Too late for an error body: cut the answer short rather than let it pass as complete.
      context.response().reset();
      return;
    }
    // A refused body may not have been read to its end; do not keep the connection for the next request.
    if (error.status() == 413 && context.request().version() != HttpVersion.HTTP_2) {
      context.response().putHeader(HttpHeaders.CONNECTION, "close");
    }
    Responses.send(context, error.status(), error.toJson());
  }
}

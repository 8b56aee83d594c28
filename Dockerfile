# One image recipe for the four services; the service is a build argument:
#   docker build --build-arg SERVICE=Portal --build-arg HTTP_PORT=8080 -t telephony/portal .
#   SERVICE: Portal | Provisioning | CallControl | MediaServer (folder src/<SERVICE>/Telephony.<SERVICE>)
#   EXTRA_PACKAGES: Debian packages the service runs (MediaServer: ffmpeg espeak-ng sox)
# docker-compose.yml passes these for each service. Build context: the repository root.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SERVICE
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/ src/
RUN test -n "$SERVICE" \
    && dotnet publish "src/$SERVICE/Telephony.$SERVICE/Telephony.$SERVICE.csproj" -c Release -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ARG SERVICE
ARG HTTP_PORT
ARG EXTRA_PACKAGES=""
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl $EXTRA_PACKAGES \
    && rm -rf /var/lib/apt/lists/*
# Local data (MediaServer's audio store): owned by the non-root user, so a fresh named
# volume mounted here inherits that ownership.
RUN mkdir -p /data && chown $APP_UID:$APP_UID /data
WORKDIR /app
COPY --from=build /app ./

# Listen on every interface of the container (appsettings.json defaults to loopback).
ENV SERVICE_ASSEMBLY=Telephony.$SERVICE.dll \
    HTTP_PORT=$HTTP_PORT \
    Urls=http://+:$HTTP_PORT
EXPOSE $HTTP_PORT

USER $APP_UID
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:$HTTP_PORT/health/ready" || exit 1
# exec: the service is PID 1 and receives SIGTERM for its graceful stop.
ENTRYPOINT ["sh", "-c", "exec dotnet \"$SERVICE_ASSEMBLY\""]

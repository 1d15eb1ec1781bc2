# NexGen web app (and the nexgen CLI beside it) in two stages: the .NET 10 SDK builds, the ASP.NET Core runtime runs
# as the image's non-root user. The store lives on the /data volume. Built for linux-x64 (Directory.Build.props).
#   docker build -t nexgen .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY NexGen.Core/NexGen.Core.csproj NexGen.Core/
COPY NexGen.Web/NexGen.Web.csproj NexGen.Web/
COPY NexGen.Cli/NexGen.Cli.csproj NexGen.Cli/
RUN dotnet restore NexGen.Web/NexGen.Web.csproj && dotnet restore NexGen.Cli/NexGen.Cli.csproj
COPY NexGen.Core/ NexGen.Core/
COPY NexGen.Web/ NexGen.Web/
COPY NexGen.Cli/ NexGen.Cli/
RUN dotnet publish NexGen.Web/NexGen.Web.csproj -c Release --no-restore -o /out/web \
 && dotnet publish NexGen.Cli/NexGen.Cli.csproj -c Release --no-restore -o /out/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /out/web ./web
COPY --from=build /out/cli ./cli
COPY samples ./samples
RUN printf '#!/bin/sh\nexec dotnet /app/cli/nexgen.dll "$@"\n' > /usr/local/bin/nexgen && chmod 755 /usr/local/bin/nexgen \
 && mkdir -p /data && chown "$APP_UID" /data
# Listening on every address of the container makes authentication mandatory: the app refuses to start without
# Security__Enabled=true and at least one user or API key (create them with the CLI while the app is stopped).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    NexGen__StorePath=/data/nexgen.duckdb \
    NexGen__SamplesPath=/app/samples \
    Security__Enabled=true
VOLUME /data
EXPOSE 8080
USER $APP_UID
WORKDIR /app/web
ENTRYPOINT ["dotnet", "/app/web/NexGen.Web.dll"]

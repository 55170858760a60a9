# Build: .NET SDK plus Node.js (the build pulls Leaflet with npm ci).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY Enki.Domain/Enki.Domain.csproj Enki.Domain/
COPY Enki.Infrastructure/Enki.Infrastructure.csproj Enki.Infrastructure/
COPY Enki.Application/Enki.Application.csproj Enki.Application/
COPY Enki.Simulator/Enki.Simulator.csproj Enki.Simulator/
COPY Enki.Web/Enki.Web.csproj Enki.Web/
RUN dotnet restore Enki.Web/Enki.Web.csproj
COPY Enki.Domain/ Enki.Domain/
COPY Enki.Infrastructure/ Enki.Infrastructure/
COPY Enki.Application/ Enki.Application/
COPY Enki.Simulator/ Enki.Simulator/
COPY Enki.Web/ Enki.Web/
RUN dotnet publish Enki.Web/Enki.Web.csproj -c Release -o /app --no-restore

# Run: ASP.NET runtime only; every file Enki writes goes to the /data volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown "$APP_UID" /data
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    Enki__DataPath=/data
VOLUME /data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Enki.Web.dll"]

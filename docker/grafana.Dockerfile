# Grafana with the AppMon bundle built from this repository (frontend and Go backend).
ARG GRAFANA_VERSION=12.4.2

FROM node:22-bookworm-slim AS frontend
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:frontend

FROM golang:1.26-bookworm AS backend
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY Magefile.go ./
COPY pkg ./pkg
COPY src ./src
ARG TARGETARCH
RUN go run github.com/magefile/mage@v1.17.2 -v build:linux$( [ "$TARGETARCH" = "arm64" ] && echo ARM64 )

FROM grafana/grafana:${GRAFANA_VERSION}
COPY --from=frontend /src/dist /var/lib/grafana/plugins/appmon-monitoring-app
COPY --from=backend /src/dist/datasource/ /var/lib/grafana/plugins/appmon-monitoring-app/datasource/
COPY provisioning /etc/grafana/provisioning
COPY dashboards /var/lib/grafana/dashboards/appmon

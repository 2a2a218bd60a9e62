# IPP Desk. Two commands do all set-up on a fresh Debian 12 machine:
#   make run    install what is missing, build, open the app on the default database
#   make test   install what is missing and run every check and test, end to end included
# Every target installs what it needs; a second run installs nothing.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)

# Build: WebKitGTK 4.1 and friends for Tauri 2. Test: the WebDriver for WebKit,
# a virtual display, PDF and image tools for looking at results.
BUILD_PKGS := build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev
TEST_PKGS := webkit2gtk-driver xvfb xauth poppler-utils imagemagick fonts-noto-cjk postgresql
APP := target/debug/ippdesk-app
UI_SOURCES := $(shell find ui/src ui/public -type f 2>/dev/null) ui/index.html ui/vite.config.ts ui/package.json ui/tsconfig.app.json

.PHONY: help run team-demo test bench measure fmt lint e2e ui app cli bindings deps-build deps-test deps-ui deps-driver clean fuzz deps-fuzz bundle crash

help:
	@echo "make run    build and open IPP Desk (DB=path to use another database)"
	@echo "make test   every check and test, end to end included"
	@echo "make e2e    only the end-to-end tests (real app over WebDriver)"
	@echo "make team-demo  the team edition on a throwaway local PostgreSQL, opened as the manager"
	@echo "make fmt    format Rust code;  make lint  clippy + UI lint and types"
	@echo "make bindings  regenerate ui/src/lib/ipc/bindings.ts from the Rust types"
	@echo "make bench  benchmarks, SQLite beside PostgreSQL;  make measure  cold start and idle memory of the release build"
	@echo "make bundle release .deb and .rpm (Tauri's bundler), then install the .deb and start it under Xvfb"
	@echo "make fuzz   each fuzz target for FUZZ_SECONDS (default 600; nightly Rust + cargo-fuzz)"
	@echo "make crash  kill -9 the CLI at random moments of imports, attachments and packets, 100 rounds (CRASH_ROUNDS, CRASH_SEED)"

# ---- installs (each a no-op when already satisfied) ----
define apt_install
	missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

deps-build:
	@$(call apt_install,$(BUILD_PKGS))
	@command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs)"; exit 1; }
	@command -v npm >/dev/null || { $(call apt_install,nodejs npm); }

deps-test: deps-build
	@$(call apt_install,$(TEST_PKGS))

deps-driver:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --version 2.1.0

ui/node_modules/.package-lock.json: ui/package-lock.json
	# `npm install`, not `npm ci`: this npm records only this platform's optional
	# binaries (oxlint, rolldown) in the lock file, which `npm ci` then rejects.
	cd ui && npm install --no-audit --no-fund --loglevel=error
	@touch $@

deps-ui: deps-build ui/node_modules/.package-lock.json

ui/dist/index.html: ui/node_modules/.package-lock.json $(UI_SOURCES)
	cd ui && npm run build --silent

ui: deps-ui ui/dist/index.html

# One build for run and test: `--workspace --all-targets` resolves features as
# `cargo test --workspace` does, so the app binary the end-to-end tests drive
# is not rebuilt with a second feature set (that cost 7 minutes per CI run).
app: ui
	cargo build --workspace --all-targets --quiet

cli:
	cargo build -p ippdesk-cli

# ---- the two commands ----
run: deps-build app
	$(APP) $(if $(DB),--db "$(DB)")

# The team edition on this machine: a throwaway PostgreSQL with the sample
# data, a manager, a paralegal and a viewer; the app opens as the manager.
team-demo: deps-test app
	scripts/team-demo

# `app` first: the UI's unit tests call the real backend (target/debug/ui-test-server).
test: deps-test deps-driver app
	@start=$$(date +%s); \
	echo "== Rust format"; cargo fmt --all --check; \
	echo "== clippy"; cargo clippy --workspace --all-targets --quiet -- -D warnings; \
	echo "== UI types, lint, unit tests"; (cd ui && npm run --silent typecheck && npm run --silent lint && npm run --silent test); \
	echo "== Rust tests (domain, store, migrations, desk, CLI, app over mock IPC, journeys, crash test of 10 rounds)"; \
	echo "   the team edition's half runs on a scratch PostgreSQL cluster (scripts/pg-scratch)"; \
	pg=$$(mktemp -d -u "$${TMPDIR:-/tmp}/ippdesk-pg.XXXXXX"); trap 'scripts/pg-scratch stop "'"$$pg"'"' EXIT; \
	pg_url=$$(scripts/pg-scratch start "$$pg"); export IPPDESK_TEST_PG=$$pg_url IPPDESK_TEST_PG_REQUIRED=1; \
	cargo test --workspace --quiet; \
	echo "== the journeys again, on PostgreSQL (the team edition)"; \
	IPPDESK_JOURNEYS_ON=postgres cargo test --workspace --quiet --test journeys; \
	$(MAKE) --no-print-directory e2e; \
	echo "make test: all passed in $$(( $$(date +%s) - start )) s"

# End to end: the real app binary driven through tauri-driver + WebKitWebDriver,
# under Xvfb when there is no display. The e2e tests are the workspace's only
# ignored tests; they are selected with --ignored over --all-targets, because
# `--test e2e` alone resolves features differently and rebuilt a third of the
# dependencies (minutes per CI run).
E2E = cargo test --workspace --all-targets --quiet -- --ignored --test-threads=1
e2e: deps-test deps-driver app
	@echo "== end to end (real app over WebDriver)"
	@if [ -z "$${IPPDESK_TEST_PG:-}" ]; then \
	  pg=$$(mktemp -d -u "$${TMPDIR:-/tmp}/ippdesk-pg.XXXXXX"); trap 'scripts/pg-scratch stop "'"$$pg"'"' EXIT; \
	  pg_url=$$(scripts/pg-scratch start "$$pg"); export IPPDESK_TEST_PG=$$pg_url; \
	fi; \
	if [ -z "$${DISPLAY:-}" ]; then \
	  xvfb-run -a -s "-screen 0 1400x900x24" $(E2E); \
	else \
	  $(E2E); \
	fi

fmt:
	cargo fmt --all

lint: ui
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm run typecheck && npm run lint

bindings:
	UPDATE_BINDINGS=1 cargo test -p ippdesk-desk --quiet committed_typescript_bindings_are_fresh

# kill -9 the real CLI at random moments of imports, attachments and packet
# exports, one database; after each kill the database, the vault and the
# packets must be whole (crates/cli/tests/crash.rs; `make test` runs 10
# rounds). Prints its figures and its seed; CRASH_SEED=N replays a run.
crash: deps-build
	IPPDESK_CRASH_ROUNDS=$(or $(CRASH_ROUNDS),100) $(if $(CRASH_SEED),IPPDESK_CRASH_SEED=$(CRASH_SEED)) \
	  cargo test -p ippdesk-cli --test crash --quiet -- --nocapture

# Figures beside baselines measured in the same run (sqlite3 .import, psql
# \copy, a primary-key lookup, sha256sum). The database figures are measured
# on SQLite and on PostgreSQL (the team edition), a throwaway cluster on
# loopback (scripts/pg-scratch, stopped at the end), printed side by side.
# The 1M-listing SQLite database is kept in target/bench-data between runs.
# PostgreSQL's is generated each run, smaller by default: PG_LISTINGS /
# PG_COMPLAINTS, 200k / 20k (the seed writes each complaint's listings,
# outcomes, deadlines and counter-notices statement by statement over
# loopback, about 8 ms a complaint: 1M / 100k would take some 15 minutes;
# PG_LISTINGS=1000000 PG_COMPLAINTS=100000 for the same sizes as SQLite).
# ONLY="import queries" picks benchmarks.
bench: deps-build
	@$(call apt_install,sqlite3 postgresql)
	cargo build --release --quiet -p ippdesk-bench
	@pg=$$(mktemp -d -u "$${TMPDIR:-/tmp}/ippdesk-bench-pg.XXXXXX"); trap 'scripts/pg-scratch stop "'"$$pg"'"' EXIT; \
	pg_url=$$(scripts/pg-scratch start "$$pg"); \
	cargo run --release --quiet -p ippdesk-bench -- --data-dir target/bench-data --pg "$$pg_url" \
	  --pg-listings $(or $(PG_LISTINGS),200000) --pg-complaints $(or $(PG_COMPLAINTS),20000) $(ONLY)

# Cold start (window mapped, UI's first call, first page's data) and PSS of the
# app and each WebKit process after 10 s idle, on the release build with the UI
# embedded; the release CLI writes the sample data it starts on. Median of 5.
measure: deps-test ui
	cargo build --release --quiet -p ippdesk-app
	cargo build --release --quiet -p ippdesk-cli
	@if [ -z "$${DISPLAY:-}" ]; then xvfb-run -a -s "-screen 0 1400x900x24" tools/measure-startup.sh; else tools/measure-startup.sh; fi

# Release .deb and .rpm with Tauri's bundler (the CLI is ui's devDependency
# @tauri-apps/cli; AppImage is left out: its tools are downloaded at bundle
# time), into target/release/bundle/{deb,rpm}/; then the .deb is installed,
# started under Xvfb to its first page, screenshotted and removed.
bundle: deps-test ui
	cd src-tauri && ../ui/node_modules/.bin/tauri build --ci --bundles deb,rpm
	tools/test-installed-deb.sh

# Fuzzing: each target in turn for FUZZ_SECONDS; new inputs are added to
# fuzz/corpus/<target> (ignored by git until `cargo fuzz cmin` has reduced
# them; the named seeds are committed), a crash stops here with its input in
# fuzz/artifacts/<target>. Only this target needs nightly.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= listing_url import bundle_verify image_embed

deps-fuzz:
	@rustup run nightly rustc --version >/dev/null 2>&1 || { echo "make fuzz needs a nightly Rust toolchain (cargo-fuzz builds with sanitizers): rustup toolchain install nightly"; exit 1; }
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

fuzz: deps-build deps-fuzz
	@cd fuzz && for t in $(FUZZ_TARGETS); do \
	  echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	  cargo +nightly fuzz run $$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) -timeout=30 -print_final_stats=1; \
	done

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules fuzz/target

# R's forecast package on M4 Hourly, for `npm run bench:m4` (bench/m4/run.ts) to score side by side with Quarry.
# Usage: Rscript bench/m4/reference.R <m4-dir> <out-dir> [methods, comma-separated: ets,thetaf,auto.arima]
# Writes <out-dir>/r-<method>.csv (id,F1..F48) and <out-dir>/r-timings.csv (method,seconds).
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
m4dir <- args[1]
outdir <- args[2]
methods <- if (length(args) >= 3) strsplit(args[3], ",")[[1]] else c("ets", "thetaf", "auto.arima")
h <- 48
read_wide <- function(path) {
  raw <- read.csv(path, header = TRUE, stringsAsFactors = FALSE, na.strings = c("", "NA"))
  lapply(seq_len(nrow(raw)), function(i) {
    v <- as.numeric(raw[i, -1])
    v[!is.na(v)]
  })
}
train <- read_wide(file.path(m4dir, "Hourly-train.csv"))
ids <- read.csv(file.path(m4dir, "Hourly-train.csv"), header = TRUE, stringsAsFactors = FALSE)[, 1]
fc <- list(
  ets = function(x) forecast(ets(x), h = h)$mean,
  thetaf = function(x) thetaf(x, h = h)$mean,
  auto.arima = function(x) forecast(auto.arima(x), h = h)$mean
)
timings <- c()
for (method in methods) {
  start <- proc.time()[["elapsed"]]
  out <- t(vapply(train, function(v) as.numeric(fc[[method]](ts(v, frequency = 24))), numeric(h)))
  timings[method] <- proc.time()[["elapsed"]] - start
  colnames(out) <- paste0("F", seq_len(h))
  write.csv(data.frame(id = ids, out), file.path(outdir, paste0("r-", method, ".csv")), row.names = FALSE)
}
timing_file <- file.path(outdir, "r-timings.csv")
old <- if (file.exists(timing_file)) read.csv(timing_file, stringsAsFactors = FALSE) else data.frame(method = character(), seconds = numeric())
old <- old[!(old$method %in% names(timings)), ]
write.csv(rbind(old, data.frame(method = names(timings), seconds = as.numeric(timings))), timing_file, row.names = FALSE)

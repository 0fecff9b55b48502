# Reference outputs from R's forecast package for packages/ml/src/forecasting tests.
#
# Run from the repository root with Debian's R (apt-get install r-base-core r-cran-forecast):
#
#     Rscript packages/ml/scripts/forecast-reference.R
#
# It writes src/forecasting/fixtures/r-reference.ts, a data module the tests compare against, so the test suite
# never needs R. The M4 benchmark functions (SeasonalityTest, Theta.classic) are restated here from the M4
# organisers' published benchmark code.
suppressMessages({
  library(forecast)
  library(urca)
})
out <- "packages/ml/src/forecasting/fixtures/r-reference.ts"
num <- function(x) {
  v <- sprintf("%.17g", as.numeric(x))
  v[is.na(x)] <- "Number.NaN"
  paste0("[", paste(v, collapse = ", "), "]")
}
entries <- c()
add <- function(name, value) entries <<- c(entries, sprintf("  %s: %s,", name, value))
obj <- function(...) {
  fields <- list(...)
  paste0("{ ", paste(sprintf("%s: %s", names(fields), unlist(fields)), collapse = ", "), " }")
}
str <- function(s) sprintf("'%s'", s)

air <- AirPassengers
usacc <- USAccDeaths
www <- WWWusage
nottem_ts <- nottem
add("airPassengers", num(air))
add("usAccDeaths", num(usacc))
add("wwwUsage", num(www))
add("nottem", num(nottem_ts))

# acf and the M4 seasonality test
add("acfAir", num(acf(air, lag.max = 24, plot = FALSE)$acf[-1]))
seasonality_test <- function(input, ppy) {
  tcrit <- 1.645
  if (length(input) < 3 * ppy) return(FALSE)
  xacf <- acf(input, plot = FALSE)$acf[-1, 1, 1]
  clim <- tcrit / sqrt(length(input)) * sqrt(cumsum(c(1, 2 * xacf^2)))
  abs(xacf[ppy]) > clim[ppy]
}
add("seasonalAir", tolower(seasonality_test(air, 12)))
add("seasonalWww", tolower(seasonality_test(ts(www, frequency = 4), 4)))

# classical decomposition
dec <- decompose(air, type = "multiplicative")
add("decomposeAirFigure", num(dec$figure))
add("decomposeAirTrend", num(dec$trend))
deca <- decompose(usacc, type = "additive")
add("decomposeUsaccFigure", num(deca$figure))

# SES / Holt / Damped as R's ses() and holt() (least squares, ets engine)
fit_ses <- ses(www, h = 10)
add("sesWww", obj(alpha = sprintf("%.17g", fit_ses$model$par["alpha"]), level0 = sprintf("%.17g", fit_ses$model$par["l"]),
  mean = num(fit_ses$mean), lower80 = num(fit_ses$lower[, 1]), upper95 = num(fit_ses$upper[, 2])))
fit_holt <- holt(www, h = 10)
add("holtWww", obj(alpha = sprintf("%.17g", fit_holt$model$par["alpha"]), beta = sprintf("%.17g", fit_holt$model$par["beta"]),
  mean = num(fit_holt$mean), upper95 = num(fit_holt$upper[, 2])))
fit_damped <- holt(www, h = 10, damped = TRUE)
add("dampedWww", obj(phi = sprintf("%.17g", fit_damped$model$par["phi"]), mean = num(fit_damped$mean),
  upper95 = num(fit_damped$upper[, 2])))

# ETS: fixed forms and automatic selection
ets_case <- function(y, model, h) {
  fit <- ets(y, model = model, damped = if (substr(model, 2, 2) == "N") NULL else FALSE)
  fc <- forecast(fit, h = h, PI = FALSE)
  obj(method = str(fit$method), aicc = sprintf("%.17g", fit$aicc), loglik = sprintf("%.17g", fit$loglik),
    mean = num(fc$mean))
}
add("etsUsaccANA", ets_case(usacc, "ANA", 12))
add("etsAirMAM", ets_case(air, "MAM", 12))
add("etsWwwAAN", ets_case(www, "AAN", 10))
auto_usacc <- ets(usacc)
add("etsUsaccAuto", obj(method = str(auto_usacc$method), aicc = sprintf("%.17g", auto_usacc$aicc),
  mean = num(forecast(auto_usacc, h = 12, PI = FALSE)$mean)))
fc_ana <- forecast(ets(usacc, model = "ANA"), h = 12)
add("etsUsaccANAIntervals", obj(lower80 = num(fc_ana$lower[, 1]), upper95 = num(fc_ana$upper[, 2])))

# Naive2 and Theta as the M4 benchmarks
m4_adjust <- function(input, fh) {
  ppy <- frequency(input)
  if (ppy > 1 && seasonality_test(input, ppy)) {
    d <- decompose(input, type = "multiplicative")
    list(x = input / d$seasonal, si = head(rep(d$seasonal[(length(d$seasonal) - ppy + 1):length(d$seasonal)], fh), fh))
  } else {
    list(x = input, si = rep(1, fh))
  }
}
theta_classic <- function(input, fh) {
  n <- length(input)
  fit <- lm(input ~ poly(1:n, 1, raw = TRUE))
  line0_out <- coef(fit)[1] + coef(fit)[2] * ((n + 1):(n + fh))
  line0_in <- as.numeric(fitted(fit))
  ses_out <- ses(2 * input - line0_in, h = fh)$mean
  pmax(0.5 * ses_out + 0.5 * line0_out, 0)
}
adj <- m4_adjust(air, 24)
add("naive2Air", num(naive(adj$x, h = 24)$mean * adj$si))
add("sesAir", num(ses(adj$x, h = 24)$mean * adj$si))
add("thetaAir", num(theta_classic(adj$x, 24) * adj$si))

# STL and MSTL
s1 <- stl(nottem_ts, s.window = 7)
add("stlNottem", obj(seasonal = num(s1$time.series[, 1]), trend = num(s1$time.series[, 2])))
s2 <- stl(nottem_ts, s.window = "periodic", robust = TRUE)
add("stlNottemPeriodicRobust", obj(seasonal = num(s2$time.series[, 1]), trend = num(s2$time.series[, 2])))
add("seasStrengthNottem", sprintf("%.17g", forecast:::seas.heuristic(nottem_ts)))

# KPSS, ndiffs, nsdiffs, auto.arima
add("kpssWww", sprintf("%.17g", ur.kpss(www, type = "mu", use.lag = trunc(3 * sqrt(length(www)) / 13))@teststat))
add("ndiffsWww", ndiffs(www))
add("nsdiffsAir", nsdiffs(air))
arima_case <- function(y, h) {
  fit <- auto.arima(y)
  fc <- forecast(fit, h = h)
  obj(order = num(arimaorder(fit)), method = str(as.character(fit)), mean = num(fc$mean), upper95 = num(fc$upper[, 2]))
}
add("autoArimaWww", arima_case(www, 10))
add("autoArimaLogAir", arima_case(log(air), 12))
add("qnorm", num(qnorm(c(0.9, 0.975, 1e-10, 0.3))))

header <- c(
  "// Generated by packages/ml/scripts/forecast-reference.R with R's forecast package; do not edit.",
  sprintf("// R %s, forecast %s.", getRversion(), packageVersion("forecast")),
  "export const R_REFERENCE = {"
)
writeLines(c(header, entries, "} as const;"), out)

//! Difficulty history (issue 21), the pure part: the shipped per-epoch difficulty table and its estimated
//! dates ([`data`]), hashvalue per epoch, "lowest since", the backtest and past growth ([`model`]), and the
//! mempool.space price history's validation and matching to epochs ([`prices`]).
//!
//! No browser imports and no float formatting: words carry dates and whole numbers only; the page formats
//! the rest. See docs/history.md.

pub mod data;
pub mod model;
pub mod prices;

pub use data::{
    bits_to_difficulty, date_iso, date_words, epochs, parse_bits, printed_words, Epoch, DIFFICULTY_BITS, EPOCH_BLOCKS,
    HALVINGS,
};
pub use model::{
    backtest, growth_as_it_was, growth_over, hashprice_series, hashvalue_btc_per_ph_day, hashvalue_series,
    lowest_hashprice_since, lowest_since, lowest_since_for, lowest_since_words, payback_words, sats_per_th_day,
    today_hashvalue, Backtest, BacktestInput, BacktestRow, EpochValue, Growth, LowestSince, Payback,
};
pub use prices::{
    epoch_prices, parse_price_history, price_history_message, PriceHistory, PricePoint, PRICE_HISTORY_PATH,
};

//! The public wall (`?mur`): totals, the chart per commitment, the search
//! and its results, and after the vote the elected signatories' follow-up.
//!
//! Architecture invariant: the full build only; uses no other feature; reads
//! the published list through `state::organiser`, never the console.

mod commune_wall;
mod national_wall;
mod pledge_wall;
mod wall_chart;
mod wall_follow_up;
mod wall_results;
mod wall_totals;

pub use commune_wall::CommuneWall;
pub use national_wall::NationalWall;
pub use pledge_wall::PledgeWall;
pub use wall_chart::WallChart;
pub use wall_follow_up::WallFollowUp;
pub use wall_results::WallResults;
pub use wall_totals::WallTotals;

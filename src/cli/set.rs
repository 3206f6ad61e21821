//! `rekindle settings`: show every setting, or change some. How the guide names the ex (name,
//! pronouns) and the region for help numbers belong to the journey in the data folder; the
//! theme and the idle lock to the settings file, `config.toml`, where only their own lines are
//! changed.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::config::{Config, ConfigChange, ConfigPath, IdleLock, ThemeName};
use crate::content::{CustomPronouns, Guide, PronounSet};
use crate::engine::{Action, Journey, REGION_KEY};
use crate::store::{Access, StoreError};
use crate::visible::visible;

use super::{Cli, CliError, Session};

/// `rekindle settings` options; with none, every setting is shown.
#[derive(Debug, Args)]
#[command(after_help = "With no option, every setting is shown. Examples:\n  \
    rekindle settings --ex-name Sam\n  \
    rekindle settings --no-ex-name              (the guide says \"your ex\" again)\n  \
    rekindle settings --pronouns custom --subject xe --object xem --possessive xyr\n  \
    rekindle settings --region uk --idle-lock 10")]
pub struct SettingsArgs {
    /// Their name, as the guide uses it; "" is the same as --no-ex-name.
    #[arg(long, value_name = "NAME", conflicts_with = "no_ex_name")]
    pub ex_name: Option<String>,
    /// No name: the guide says "your ex" everywhere.
    #[arg(long)]
    pub no_ex_name: bool,
    /// Their pronouns; custom needs --subject, --object and --possessive.
    #[arg(long, value_enum, value_name = "SET")]
    pub pronouns: Option<PronounChoice>,
    /// Custom pronoun as the subject ("xe said").
    #[arg(long, value_name = "WORD", requires = "pronouns")]
    pub subject: Option<String>,
    /// Custom pronoun as the object ("ask xem").
    #[arg(long, value_name = "WORD", requires = "pronouns")]
    pub object: Option<String>,
    /// Custom possessive ("xyr plans"); "xyrs" is made from it.
    #[arg(long, value_name = "WORD", requires = "pronouns")]
    pub possessive: Option<String>,
    /// Whose help numbers the help page shows first: a region id (`rekindle settings` lists
    /// them), or none.
    #[arg(long, value_name = "ID|none")]
    pub region: Option<String>,
    /// The colour theme (written to config.toml).
    #[arg(long, value_name = "NAME", value_parser = clap::value_parser!(ThemeName))]
    pub theme: Option<ThemeName>,
    /// Hide the screen after this many minutes without a key, or off (written to config.toml).
    #[arg(long, value_name = "MINUTES|off", value_parser = clap::value_parser!(IdleLock))]
    pub idle_lock: Option<IdleLock>,
}

/// The pronoun sets the command line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PronounChoice {
    /// they / them / their
    They,
    /// she / her / her
    She,
    /// he / him / his
    He,
    /// your own: --subject, --object, --possessive
    Custom,
}

impl SettingsArgs {
    /// True when the name, pronouns or region change: these need the journey opened for
    /// writing.
    fn changes_journey(&self) -> bool {
        self.ex_name.is_some()
            || self.no_ex_name
            || self.pronouns.is_some()
            || self.region.is_some()
    }

    /// The pronoun set asked for, checked.
    fn pronoun_set(&self) -> Result<Option<PronounSet>, CliError> {
        let forms = [&self.subject, &self.object, &self.possessive];
        let Some(choice) = self.pronouns else {
            return Ok(None);
        };
        if choice != PronounChoice::Custom {
            if forms.iter().any(|f| f.is_some()) {
                return Err(CliError::Other(
                    "--subject, --object and --possessive go with --pronouns custom".to_string(),
                ));
            }
            return Ok(Some(match choice {
                PronounChoice::She => PronounSet::She,
                PronounChoice::He => PronounSet::He,
                _ => PronounSet::They,
            }));
        }
        let [Some(subject), Some(object), Some(possessive)] = forms else {
            return Err(CliError::Other(
                "--pronouns custom needs all three forms, for example: --subject xe --object xem \
                 --possessive xyr"
                    .to_string(),
            ));
        };
        CustomPronouns::new(subject, object, possessive)
            .map(|forms| Some(PronounSet::Custom(forms)))
            .map_err(|e| CliError::Other(e.to_string()))
    }
}

/// Runs `rekindle settings`.
pub fn run(cli: &Cli, args: &SettingsArgs, config: &Config) -> Result<ExitCode, CliError> {
    let pronouns = args.pronoun_set()?;
    let mut config = config.clone();
    // The settings file's part is checked first, so a refusal there changes nothing at all.
    let changes: Vec<ConfigChange> = [
        args.theme.map(ConfigChange::Theme),
        args.idle_lock.map(ConfigChange::IdleLock),
    ]
    .into_iter()
    .flatten()
    .collect();
    let path = super::settings::config_path(cli)?;
    let plan = if changes.is_empty() {
        None
    } else {
        Some(
            path.plan(&changes)
                .map_err(|e| CliError::Other(e.to_string()))?,
        )
    };
    let session = if args.changes_journey() {
        let mut session = Session::open_lazily(cli, Access::ReadWrite).map_err(explain_lock)?;
        change_journey(&mut session, args, pronouns)?;
        session
    } else {
        Session::open_lazily(cli, Access::ReadOnly)?
    };
    if let Some(plan) = plan {
        config = plan.write().map_err(|e| {
            let kept = if args.changes_journey() {
                " (the name, pronouns and region asked for were saved)"
            } else {
                ""
            };
            CliError::Other(format!("{e}{kept}"))
        })?;
    }
    let mut out = std::io::stdout().lock();
    for warning in session.warnings() {
        eprintln!("{}", visible(&warning));
    }
    if let Some(said) = said(args) {
        write!(out, "{said}")?;
    }
    write!(out, "{}", show(&session, &config, &path))?;
    Ok(ExitCode::SUCCESS)
}

/// Applies the name, pronouns and region asked for, each through the engine, saved at once.
/// The region is checked before anything is saved, so a refusal changes nothing.
fn change_journey(
    session: &mut Session,
    args: &SettingsArgs,
    pronouns: Option<PronounSet>,
) -> Result<(), CliError> {
    let region = match args.region.as_deref().map(|r| r.trim().to_lowercase()) {
        None => None,
        Some(id) if id == "none" || id.is_empty() => Some(None),
        Some(id) if session.guide.tools.regions.iter().any(|r| r.id == id) => Some(Some(id)),
        Some(id) => {
            return Err(CliError::Other(format!(
                "there are no help numbers for a region `{}` in this guide; choose one of {}, \
                 or none",
                visible(&id),
                region_ids(&session.guide)
            )));
        }
    };
    let settings = &session.book.journey.settings;
    let ex_name = match (&args.ex_name, args.no_ex_name) {
        (_, true) => None,
        (Some(name), false) => Some(name.clone()),
        (None, false) => settings.ex_name.clone(),
    };
    if args.ex_name.is_some() || args.no_ex_name || pronouns.is_some() {
        let pronouns = pronouns.unwrap_or_else(|| settings.pronouns.clone());
        session.apply(Action::SetNaming { ex_name, pronouns })?;
    }
    if let Some(region) = region {
        session.apply(Action::SetRegion(region))?;
    }
    Ok(())
}

fn region_ids(guide: &Guide) -> String {
    guide
        .tools
        .regions
        .iter()
        .map(|r| r.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The region chosen, in words.
pub fn region_words(journey: &Journey, guide: &Guide) -> String {
    journey
        .profile
        .get(REGION_KEY)
        .and_then(|id| guide.tools.regions.iter().find(|r| &r.id == id))
        .map_or(
            "none: the help page stays region-neutral".to_string(),
            |r| format!("{} ({})", r.name, r.id),
        )
}

/// Every setting, where it is kept, and how to change it.
fn show(session: &Session, config: &Config, path: &ConfigPath) -> String {
    let journey = &session.book.journey;
    let settings = &journey.settings;
    let name = settings
        .ex_name
        .as_deref()
        .map_or("none: the guide says \"your ex\"".to_string(), |n| {
            visible(n).into_owned()
        });
    let rows = [
        ("Their name", name),
        (
            "Pronouns",
            visible(&settings.pronouns.describe()).into_owned(),
        ),
        ("Region", region_words(journey, &session.guide)),
        ("Theme", config.theme.to_string()),
        ("Idle lock", config.idle_lock.to_string()),
    ];
    let mut text = String::new();
    for (label, value) in rows {
        text.push_str(&format!("{label:<12} {value}\n"));
    }
    text.push_str(&format!(
        "\nName, pronouns and region are kept with your journey ({}); theme and idle lock in \
         your settings file ({}).\n\nTo change one: --ex-name NAME (or --no-ex-name for \
         \"your ex\"), --pronouns they|she|he|custom (custom with --subject, --object and \
         --possessive), --region {}|none, --theme dark|light|high-contrast, --idle-lock \
         MINUTES|off.\n",
        visible(&session.store.journey_file().display().to_string()),
        visible(&path.path.display().to_string()),
        region_ids(&session.guide).replace(", ", "|")
    ));
    text
}

/// What changed, in a sentence, before the settings are shown.
fn said(args: &SettingsArgs) -> Option<String> {
    let name_cleared =
        args.no_ex_name || args.ex_name.as_deref().is_some_and(|n| n.trim().is_empty());
    let mut parts = Vec::new();
    if name_cleared {
        parts.push("the guide says \"your ex\" again, everywhere".to_string());
    } else if args.ex_name.is_some() {
        parts.push("the guide uses the name you gave".to_string());
    }
    if args.pronouns.is_some() {
        parts.push("pronouns changed".to_string());
    }
    if args.region.is_some() {
        parts.push("region changed".to_string());
    }
    if args.theme.is_some() || args.idle_lock.is_some() {
        parts.push(
            "the settings file has the new line (an open workbook uses it from its next start)"
                .to_string(),
        );
    }
    (!parts.is_empty()).then(|| format!("Saved: {}.\n\n", parts.join("; ")))
}

/// A locked workbook, said for this command.
fn explain_lock(error: CliError) -> CliError {
    match error {
        CliError::Store(StoreError::Locked { dir, holder }) => {
            let who = holder.map_or("another rekindle".to_string(), |h| format!("rekindle {h}"));
            CliError::Other(format!(
                "the workbook in {} is open in another window ({who}), so nothing was changed. \
                 Change it there (s on the home screen), or close it and run this again.",
                dir.display()
            ))
        }
        other => other,
    }
}

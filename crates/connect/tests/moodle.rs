//! M@gistère's web services, answered by the recordings of a real Moodle 4.5 replayed on
//! loopback (`hybride_connect::moodle_replay`).

use hybride_connect::moodle::{Failure, Site, NEEDED};

use hybride_connect::moodle_replay::{replay, TOKEN};

fn http() -> reqwest::Client {
    reqwest::Client::new()
}

#[tokio::test]
async fn the_site_says_who_the_token_is_and_what_it_may_call() {
    let site = Site {
        url: replay().await,
        token: TOKEN.into(),
    };
    let info = site.site_info(&http()).await.unwrap();
    assert_eq!(info.sitename, "Anchors Moodle 4.5");
    assert_eq!(info.release, "4.5.6 (Build: 20250811)");
    assert_eq!(info.username, "manager1");
    assert_eq!(info.fullname, "Marc Pilote");
    for f in NEEDED {
        assert!(info.functions.iter().any(|g| g == f), "{f}");
    }
    assert!(info.missing().is_empty());
    let mut fewer = info.clone();
    fewer
        .functions
        .retain(|f| f != "core_enrol_get_enrolled_users");
    assert_eq!(fewer.missing(), vec!["core_enrol_get_enrolled_users"]);
}

#[tokio::test]
async fn moodle_errors_answered_with_200_become_failures() {
    let url = replay().await;
    let site = Site {
        url: url.clone(),
        token: TOKEN.into(),
    };
    let wrong = Site {
        url: url.clone(),
        token: "0123456789abcdef0123456789abcdef".into(),
    };
    assert_eq!(
        wrong.site_info(&http()).await.unwrap_err(),
        Failure::InvalidToken
    );
    assert_eq!(
        site.call(&http(), "core_does_not_exist", &[])
            .await
            .unwrap_err(),
        Failure::NoSuchFunction("core_does_not_exist".into())
    );
    assert_eq!(
        site.call(
            &http(),
            "core_user_get_users_by_field",
            &[
                ("field", "username".into()),
                ("values[0]", "student01".into())
            ]
        )
        .await
        .unwrap_err(),
        Failure::NotInService("core_user_get_users_by_field".into())
    );
    assert_eq!(
        site.call(
            &http(),
            "core_course_get_contents",
            &[("courseid", "999999".into())]
        )
        .await
        .unwrap_err()
        .code(),
        "not-found"
    );
    assert_eq!(
        site.call(&http(), "core_course_get_contents", &[])
            .await
            .unwrap_err()
            .code(),
        "refused"
    );
    // A recorded answer comes through whole.
    let found = site
        .call(
            &http(),
            "core_course_get_courses_by_field",
            &[("field", "shortname".into()), ("value", "ATT30".into())],
        )
        .await
        .unwrap();
    assert_eq!(found["courses"][0]["id"], 3);
}

#[tokio::test]
async fn another_address_or_none_is_said_so() {
    let url = replay().await;
    let elsewhere = Site {
        url: format!("{url}/autre"),
        token: TOKEN.into(),
    };
    assert_eq!(
        elsewhere.site_info(&http()).await.unwrap_err().code(),
        "not-moodle"
    );
    // A port nobody listens on.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let nobody = Site {
        url: format!("http://127.0.0.1:{port}"),
        token: TOKEN.into(),
    };
    assert_eq!(
        nobody.site_info(&http()).await.unwrap_err().code(),
        "unreachable"
    );
}
